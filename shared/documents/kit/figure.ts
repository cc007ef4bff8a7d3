import { AlignmentType, ImageRun, LineRuleType, Paragraph, TextRun } from 'docx';
import { captionNumberRuns } from './captions';
import type { DocumentContext } from './context';
import { styleIds } from './styles';
import { twipsToPixels } from './units';

export type ImageKind = 'png' | 'jpg' | 'gif' | 'bmp';

export interface ImageInfo {
  kind: ImageKind;
  width: number;
  height: number;
}

/**
 * The format and pixel size of an image, read from its header: the sizes on a record may be
 * missing (0) or describe another rendition, and Word draws the picture at the size we give.
 * Formats Word cannot show everywhere (WebP, HEIC, AVIF) give null.
 */
export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = (i: number) => bytes[i] ?? -1;
  if (bytes.length >= 24 && at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) {
    return sized('png', view.getUint32(16), view.getUint32(20));
  }
  if (bytes.length >= 10 && at(0) === 0x47 && at(1) === 0x49 && at(2) === 0x46) {
    return sized('gif', view.getUint16(6, true), view.getUint16(8, true));
  }
  if (bytes.length >= 26 && at(0) === 0x42 && at(1) === 0x4d) {
    return sized('bmp', Math.abs(view.getInt32(18, true)), Math.abs(view.getInt32(22, true)));
  }
  if (bytes.length >= 4 && at(0) === 0xff && at(1) === 0xd8) return jpegInfo(bytes, view);
  return null;
}

function sized(kind: ImageKind, width: number, height: number): ImageInfo | null {
  return width > 0 && height > 0 ? { kind, width, height } : null;
}

/** Walks the JPEG segments to the first start-of-frame marker, which holds the size. */
function jpegInfo(bytes: Uint8Array, view: DataView): ImageInfo | null {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    const length = view.getUint16(offset + 2);
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) return sized('jpg', view.getUint16(offset + 7), view.getUint16(offset + 5));
    offset += 2 + length;
  }
  return null;
}

/** A size that fits in the box, keeping the aspect ratio. */
export function fitInto(
  width: number,
  height: number,
  maxWidth: number,
  maxHeight: number,
): { width: number; height: number } {
  const scale = Math.min(maxWidth / width, maxHeight / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export interface FigureInput {
  bytes: Uint8Array | undefined;
  /** The caption after 「图 N」. */
  caption: string;
  /** Names the caption, so text can refer to it (ctx.reference('figure', key)) by a REF field. */
  key?: string;
  /** The file's name, for the message when it cannot be shown. */
  name: string;
  /** At most this share of the text width (default 1: the whole width), e.g. 0.6 for evidence shots. */
  widthShare?: number;
}

/** 「图 N 说明」 below a figure, N a SEQ field in a bookmark (captions.ts). */
export function figureCaption(ctx: DocumentContext, title: string, key?: string): Paragraph {
  return new Paragraph({
    style: styleIds.caption,
    children: [...captionNumberRuns(ctx.captions, 'figure', key), new TextRun(` ${title}`)],
  });
}

/**
 * A photo scaled to the text width (never taller than about half a page, so a portrait photo
 * leaves room for its caption), centred, with 「图 N 说明」 below it. A photo whose bytes were
 * not handed in or that Word cannot show becomes a line saying so, plus a warning.
 */
export function figure(ctx: DocumentContext, input: FigureInput): Paragraph[] {
  const info = input.bytes ? imageInfo(input.bytes) : null;
  const caption = figureCaption(ctx, input.caption, input.key);
  if (!input.bytes || !info) {
    const reason = input.bytes ? '格式无法插入 Word' : '文件未随导出提供';
    ctx.warn(`照片“${input.name}”${reason}`);
    return [
      new Paragraph({
        style: styleIds.caption,
        keepNext: true,
        children: [new TextRun(`（照片“${input.name}”${reason}）`)],
      }),
      caption,
    ];
  }
  const maxWidth = twipsToPixels(ctx.page.textWidth) * (input.widthShare ?? 1);
  const maxHeight = twipsToPixels(ctx.page.textHeight) * 0.5;
  const size = fitInto(info.width, info.height, maxWidth, maxHeight);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      // A picture in a paragraph with 1.5 line spacing would get extra space above it.
      spacing: { before: 120, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      children: [
        new ImageRun({
          type: info.kind,
          data: input.bytes,
          transformation: size,
          altText: { name: input.name, description: input.caption, title: input.caption },
        }),
      ],
    }),
    caption,
  ];
}
