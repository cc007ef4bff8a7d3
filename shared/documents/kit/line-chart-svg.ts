import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { CHART_FONT_FAMILY } from './chart-raster';
import {
  axisColor,
  type ChartLayout,
  gridColor,
  type LineChartSpec,
  seriesColors,
  thresholdColors,
} from './line-chart';

// Server-side rendering to an SVG string needs no DOM and no canvas: the same code runs in the
// app's Web Worker and in Node. Only what these charts draw is registered.
echarts.use([LineChart, GridComponent, MarkLineComponent, SVGRenderer]);

/**
 * The font the PNG fallback is drawn with (chart-raster.ts) first, then the Chinese sans-serif
 * fonts Windows, WPS and Linux readers have. Single quotes: ECharts writes the family into a
 * style="…" attribute, where double quotes would end it and make the SVG unreadable.
 */
const FONT_FAMILY = `'${CHART_FONT_FAMILY}', 'Microsoft YaHei', 'PingFang SC', SimHei, sans-serif`;

/**
 * The chart as an SVG document, drawn by ECharts into the layout's plot area and y scale so it
 * matches the PNG fallback. No animation (there is no screen to animate on).
 */
export function lineChartSvg(spec: LineChartSpec, layout: ChartLayout): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: layout.width, height: layout.height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT_FAMILY, fontSize: 11, color: axisColor },
      color: [...seriesColors],
      grid: {
        left: layout.plot.left,
        top: layout.plot.top,
        right: layout.width - layout.plot.right,
        bottom: layout.height - layout.plot.bottom,
      },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: [...spec.categories],
        axisLine: { lineStyle: { color: axisColor } },
        axisTick: { alignWithLabel: true },
        axisLabel: { fontSize: 11, hideOverlap: true },
      },
      yAxis: {
        type: 'value',
        min: layout.y.min,
        max: layout.y.max,
        interval: layout.y.interval,
        name: spec.unit,
        nameGap: 10,
        nameTextStyle: { fontSize: 11, align: 'right' },
        axisLine: { show: true, lineStyle: { color: axisColor } },
        splitLine: { lineStyle: { color: gridColor } },
      },
      series: [
        ...spec.series.map((s, i) => ({
          type: 'line' as const,
          name: s.name,
          data: [...s.values],
          connectNulls: false,
          symbol: 'circle',
          symbolSize: 3,
          showSymbol: spec.categories.length <= 31,
          lineStyle: { width: 1.5, color: seriesColors[i % seriesColors.length] },
          itemStyle: { color: seriesColors[i % seriesColors.length] },
        })),
        // The thresholds on a series of their own, drawn whatever the assets' lines are.
        {
          type: 'line' as const,
          name: '阈值',
          data: [],
          silent: true,
          markLine: {
            silent: true,
            symbol: 'none',
            animation: false,
            data: spec.thresholds.map((t) => ({
              yAxis: t.value,
              lineStyle: { color: thresholdColors[t.level], type: 'dashed', width: 1.5 },
              label: {
                formatter: t.label,
                position: 'end',
                color: thresholdColors[t.level],
                fontSize: 11,
                textBorderWidth: 0,
              },
            })),
          },
        },
      ],
    });
    return cleanSvg(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/**
 * Drops what only a browser uses — hover styles, pointer events, ECharts' own attributes — so
 * the SVG is plain drawing instructions for Word's and LibreOffice's importers.
 */
function cleanSvg(svg: string): string {
  return svg
    .replace(/<style\b[\s\S]*?<\/style>/g, '')
    .replace(/\s(?:ecmeta_[a-z_]+|pointer-events|class)="[^"]*"/g, '');
}
