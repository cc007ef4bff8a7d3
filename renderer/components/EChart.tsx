import { BarChart, CustomChart, HeatmapChart, LineChart } from 'echarts/charts';
import { CalendarComponent, DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// Only the chart types the app draws, so the bundle carries no more of ECharts than it needs.
echarts.use([BarChart, CustomChart, HeatmapChart, LineChart, CalendarComponent, DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type EChartOption = echarts.EChartsCoreOption;

/** An ECharts chart that follows its option and the size of its box. */
export function EChart({ option, style, testId, onClick }: { option: EChartOption; style?: CSSProperties; testId?: string; onClick?(params: unknown): void }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const element = box.current!;
    chart.current = echarts.init(element, undefined, { renderer: 'canvas' });
    const resize = new ResizeObserver(() => chart.current?.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  useEffect(() => {
    if (!onClick || !chart.current) return;
    chart.current.on('click', onClick);
    return () => void chart.current?.off('click', onClick);
  }, [onClick]);
  return <div ref={box} style={{ width: '100%', height: 320, ...style }} data-testid={testId} />;
}
