/**
 * A line chart for a document: one metric over the days of a period, a line per asset, its
 * alarm levels drawn across. The layout (plot area, y scale) is worked out here; ECharts draws
 * the SVG into it (line-chart-svg.ts) and the PNG fallback is that same SVG rasterised
 * (chart-raster.ts). The legend is not part of the picture: it is text in
 * the document under the chart (chart-figure.ts), so it reads the same whichever picture the
 * reader's office suite shows.
 */

export interface LineChartSeries {
  name: string;
  /** One value per category; null where nothing was read (the line breaks there). */
  values: ReadonlyArray<number | null>;
}

export interface ThresholdLine {
  level: 'warning' | 'critical';
  value: number;
  /** Written at the line's right end: "警告 ≥ 80 %". */
  label: string;
}

export interface LineChartSpec {
  /** The x axis: one label per value ("03-01"). */
  categories: readonly string[];
  series: readonly LineChartSeries[];
  thresholds: readonly ThresholdLine[];
  /** Unit of the y axis ('%', '℃', ''). */
  unit: string;
  /** Fixed ends of the y axis (0 and 100 for a percentage); otherwise from the data. */
  bounds?: { min?: number; max?: number };
}

export interface ChartLayout {
  /** The picture's size in CSS pixels (the SVG's viewBox). */
  width: number;
  height: number;
  /** The plot area, in pixels from the picture's top left corner. */
  plot: { left: number; top: number; right: number; bottom: number };
  y: { min: number; max: number; interval: number };
}

/** Print-friendly colours for the assets; orange and red are kept for the thresholds. */
export const seriesColors = [
  '#1F5FA8',
  '#2E8B57',
  '#7B4EA3',
  '#8C5A2B',
  '#1C9AA8',
  '#5C6670',
  '#A0A02A',
  '#C2549B',
] as const;
export const thresholdColors = { warning: '#E08A00', critical: '#C8102E' } as const;
export const gridColor = '#E3E5E8';
export const axisColor = '#6B7077';

const WIDTH = 640;
const HEIGHT = 270;

/** Ticks a reader can add up: 1, 2 or 5 times a power of ten, about five of them. */
export function niceScale(min: number, max: number): { min: number; max: number; interval: number } {
  if (!(max > min)) max = min + 1;
  const rough = (max - min) / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const interval = [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough) ?? 10 * power;
  return { min: Math.floor(min / interval) * interval, max: Math.ceil(max / interval) * interval, interval };
}

export function chartLayout(spec: LineChartSpec): ChartLayout {
  const values = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const levels = spec.thresholds.map((t) => t.value);
  const all = [...values, ...levels];
  const dataMin = all.length ? Math.min(...all) : 0;
  const dataMax = all.length ? Math.max(...all) : 1;
  // Counts and percentages start at 0, so a line's height reads as its size.
  const scale = niceScale(
    spec.bounds?.min ?? Math.min(0, dataMin),
    spec.bounds?.max ?? (dataMax === 0 ? 1 : dataMax * 1.05),
  );
  const y = { min: spec.bounds?.min ?? scale.min, max: spec.bounds?.max ?? scale.max, interval: scale.interval };

  // Room on the right for the threshold labels at the lines' ends, below for the dates.
  return { width: WIDTH, height: HEIGHT, plot: { left: 52, top: 28, right: WIDTH - 96, bottom: HEIGHT - 34 }, y };
}

/** Where the i-th of `count` categories sits on the x axis (the first at the left edge, the last at the right). */
export function xOf(layout: ChartLayout, index: number, count: number): number {
  const { left, right } = layout.plot;
  return count <= 1 ? (left + right) / 2 : left + ((right - left) * index) / (count - 1);
}

export function yOf(layout: ChartLayout, value: number): number {
  const { top, bottom } = layout.plot;
  const { min, max } = layout.y;
  const clamped = Math.min(max, Math.max(min, value));
  return bottom - ((bottom - top) * (clamped - min)) / (max - min);
}
