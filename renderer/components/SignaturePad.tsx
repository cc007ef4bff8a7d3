import { Button, Space } from 'antd';
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';

export interface SignaturePadHandle {
  /** The drawn signature as PNG bytes, or null when nothing was drawn. */
  toPng(): Promise<Uint8Array | null>;
}

/** A signature drawn with a finger, a pen or the mouse (pointer events), kept as a PNG. */
export const SignaturePad = forwardRef<
  SignaturePadHandle,
  { clearLabel: string; hint: string; onChange?(drawn: boolean): void }
>(function SignaturePad({ clearLabel, hint, onChange }, ref) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [drawn, setDrawn] = useState(false);

  useImperativeHandle(ref, () => ({
    toPng: () =>
      new Promise((resolve) => {
        if (!drawn || !canvas.current) return resolve(null);
        canvas.current.toBlob(
          async (blob) => resolve(blob ? new Uint8Array(await blob.arrayBuffer()) : null),
          'image/png',
        );
      }),
  }));

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const scale = event.currentTarget.width / box.width;
    return [(event.clientX - box.left) * scale, (event.clientY - box.top) * scale] as const;
  };
  const context = () => {
    const ctx = canvas.current!.getContext('2d')!;
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#1f1f1f';
    return ctx;
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <canvas
        ref={canvas}
        width={600}
        height={200}
        className="signature-pad"
        aria-label={hint}
        data-testid="signature-pad"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          drawing.current = true;
          const [x, y] = point(event);
          const ctx = context();
          ctx.beginPath();
          ctx.moveTo(x, y);
        }}
        onPointerMove={(event) => {
          if (!drawing.current) return;
          const [x, y] = point(event);
          const ctx = context();
          ctx.lineTo(x, y);
          ctx.stroke();
          if (!drawn) {
            setDrawn(true);
            onChange?.(true);
          }
        }}
        onPointerUp={() => (drawing.current = false)}
      />
      <Button
        size="small"
        onClick={() => {
          canvas.current!.getContext('2d')!.clearRect(0, 0, 600, 200);
          setDrawn(false);
          onChange?.(false);
        }}
      >
        {clearLabel}
      </Button>
    </Space>
  );
});
