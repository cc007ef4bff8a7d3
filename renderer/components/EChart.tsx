import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { type CSSProperties, useEffect, useRef } from 'react';

export type EChartOption = EChartsCoreOption;

/** ECharts, set up with the charts the app draws: loaded with the first chart shown, not at start. */
const loadECharts = () => import('./echarts-setup');

/** An ECharts chart that follows its option and the size of its box. */
export function EChart({
  option,
  style,
  testId,
  onClick,
}: {
  option: EChartOption;
  style?: CSSProperties;
  testId?: string;
  onClick?(params: unknown): void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  // The latest props, for the chart made once ECharts has loaded.
  const latestOption = useRef(option);
  const latestOnClick = useRef(onClick);
  useEffect(() => {
    const element = box.current!;
    let disposed = false;
    let resize: ResizeObserver | undefined;
    void loadECharts().then(({ echarts }) => {
      if (disposed) return;
      const instance = echarts.init(element, undefined, { renderer: 'canvas' });
      chart.current = instance;
      instance.setOption(latestOption.current, { notMerge: true });
      instance.on('click', (params) => latestOnClick.current?.(params));
      resize = new ResizeObserver(() => instance.resize());
      resize.observe(element);
    });
    return () => {
      disposed = true;
      resize?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    latestOption.current = option;
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  useEffect(() => {
    latestOnClick.current = onClick;
  }, [onClick]);
  return <div ref={box} style={{ width: '100%', height: 320, ...style }} data-testid={testId} />;
}
