import { encodePng, IndexedImage, type Rgba } from '../../png';
import {
  axisColor,
  type ChartLayout,
  gridColor,
  type LineChartSpec,
  seriesColors,
  thresholdColors,
  xOf,
  yOf,
} from './line-chart';
import { drawable, drawText, GLYPH_HEIGHT, textWidth } from './pixel-digits';

/** Pixels per layout pixel: the fallback prints at about 190 dpi. */
const SCALE = 2;
/** Image pixels per font dot: digits about 10 layout pixels high, like the SVG's 11 px labels. */
const DOT = 3;

function rgba(hex: string): Rgba {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff, 255];
}

const GRID = 1;
const AXIS = 2;
const WARNING = 3;
const CRITICAL = 4;
const FIRST_SERIES = 5;

/** A tick value with as many decimals as the interval needs (0.1 → "0.3", not "0.30000000000000004"). */
export function tickLabel(value: number, interval: number): string {
  const decimals = interval >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(interval) - 1e-9));
  return value.toFixed(decimals);
}

/**
 * The PNG Word shows where it cannot show SVG (Word 2013 and older, LibreOffice without SVG
 * import): the same layout with its grid, axes, dashed threshold lines and one polyline per
 * asset, and the numbers — y ticks, dates, threshold values — in a small dot-matrix font. The
 * words (警告, 严重, the unit) are left to the caption and the legend under the chart.
 */
export function lineChartPng(spec: LineChartSpec, layout: ChartLayout): Uint8Array {
  const palette: Rgba[] = [
    [255, 255, 255, 255],
    rgba(gridColor),
    rgba(axisColor),
    rgba(thresholdColors.warning),
    rgba(thresholdColors.critical),
    ...seriesColors.map(rgba),
  ];
  const image = new IndexedImage(layout.width * SCALE, layout.height * SCALE, palette);
  const { left, top, right, bottom } = layout.plot;
  const px = (value: number) => Math.round(value * SCALE);
  const glyphHeight = GLYPH_HEIGHT * DOT;

  // Grid and y axis, with the tick values right-aligned against the axis.
  const ticks = Math.round((layout.y.max - layout.y.min) / layout.y.interval);
  for (let k = 0; k <= ticks; k++) {
    const value = layout.y.min + k * layout.y.interval;
    const y = px(yOf(layout, value));
    image.rect(px(left), y, px(right - left), SCALE, k === 0 ? AXIS : GRID);
    const label = tickLabel(value, layout.y.interval);
    drawText(image, label, px(left) - 8 * SCALE - textWidth(label, DOT), y - Math.floor(glyphHeight / 2), DOT, AXIS);
  }
  image.rect(px(left), px(top), SCALE, px(bottom - top) + SCALE, AXIS);
  if (spec.unit && drawable(spec.unit))
    drawText(
      image,
      spec.unit,
      px(left) - 8 * SCALE - textWidth(spec.unit, DOT),
      px(top) - glyphHeight - 12 * SCALE,
      DOT,
      AXIS,
    );

  // x axis: a tick per category, a date under as many as fit without touching.
  const count = spec.categories.length;
  const spacing = count > 1 ? (right - left) / (count - 1) : right - left;
  const widest = Math.max(0, ...spec.categories.map((c) => textWidth(c, DOT) / SCALE));
  const step = Math.max(1, Math.ceil((widest + 8) / spacing));
  spec.categories.forEach((category, i) => {
    const x = px(xOf(layout, i, count));
    image.rect(x, px(bottom), SCALE, 4 * SCALE, AXIS);
    if (i % step === 0 && drawable(category))
      drawText(image, category, x - Math.floor(textWidth(category, DOT) / 2), px(bottom) + 8 * SCALE, DOT, AXIS);
  });

  // Thresholds: dashed across the plot, the value at the right end in the line's colour.
  for (const threshold of spec.thresholds) {
    const y = px(yOf(layout, threshold.value));
    const colour = threshold.level === 'critical' ? CRITICAL : WARNING;
    for (let x = px(left); x < px(right); x += 12 * SCALE)
      image.rect(x, y - SCALE / 2, Math.min(8 * SCALE, px(right) - x), SCALE + 1, colour);
    const label = String(Math.round(threshold.value * 1000) / 1000);
    drawText(image, label, px(right) + 6 * SCALE, y - Math.floor(glyphHeight / 2), DOT, colour);
  }

  spec.series.forEach((series, s) => {
    const colour = FIRST_SERIES + (s % seriesColors.length);
    // Consecutive readings joined; a day without one breaks the line, as in the SVG.
    let run: Array<[number, number]> = [];
    const flush = () => {
      if (run.length === 1) image.stroke([run[0]!, run[0]!], 2, colour);
      else if (run.length > 1) image.stroke(run, 1, colour);
      run = [];
    };
    series.values.forEach((value, i) => {
      if (value === null || !Number.isFinite(value)) return flush();
      run.push([px(xOf(layout, i, count)), px(yOf(layout, value))]);
    });
    flush();
  });
  return encodePng(image);
}
