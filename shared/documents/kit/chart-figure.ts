import { AlignmentType, ImageRun, LineRuleType, Paragraph, TextRun } from 'docx';
import type { DocumentContext } from './context';
import { figureCaption, fitInto } from './figure';
import { chartLayout, type LineChartSpec, seriesColors } from './line-chart';
import { lineChartSvg } from './line-chart-svg';
import { styleIds } from './styles';
import { twipsToPixels } from './units';

const PNG_SCALE = 2;

export interface ChartFigureInput {
  spec: LineChartSpec;
  /** The caption after 「图 N」. */
  caption: string;
  /** Names the caption, so text can refer to it (ctx.reference('figure', key)) by a REF field. */
  key?: string;
  /** What the chart shows, for screen readers and Word's alt text. */
  description: string;
}

/**
 * A line chart as a numbered figure: the SVG (sharp at any zoom, in Word 2016+ and WPS) with a
 * PNG rasterised from that same SVG, with real glyphs (chart-raster.ts), for readers that cannot
 * show SVG, at the text width, centred; under it
 * the legend as text (a coloured ■ and the name of each line — it reads the same whichever
 * picture is shown, and can be searched) and 「图 N 说明」 like the photos (figure.ts).
 */
export function chartFigure(ctx: DocumentContext, input: ChartFigureInput): Paragraph[] {
  const layout = chartLayout(input.spec);
  if (!ctx.rasteriseChart)
    throw new Error('A chart needs BuildOptions.rasteriseChart (createChartRasteriser) to draw its PNG fallback');
  const svgText = lineChartSvg(input.spec, layout);
  const svg = new TextEncoder().encode(svgText);
  // Twice the layout's pixels: about 190 dpi at the text width, sharp enough to print.
  const png = ctx.rasteriseChart(svgText, layout.width * PNG_SCALE);
  const size = fitInto(
    layout.width,
    layout.height,
    twipsToPixels(ctx.page.textWidth),
    twipsToPixels(ctx.page.textHeight) * 0.5,
  );
  const caption = figureCaption(ctx, input.caption, input.key);
  const number = ctx.captions.count('figure');
  const legend = input.spec.series.flatMap((series, i) => [
    ...(i > 0 ? [new TextRun('    ')] : []),
    // A no-break space keeps each square with its name when the legend wraps.
    new TextRun({ text: '■\u00a0', color: seriesColors[i % seriesColors.length]!.slice(1) }),
    new TextRun(series.name),
  ]);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      // A picture in a paragraph with 1.5 line spacing would get extra space above it.
      spacing: { before: 120, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      children: [
        new ImageRun({
          type: 'svg',
          data: svg,
          fallback: { type: 'png', data: png },
          transformation: size,
          altText: { name: `图 ${number}`, description: input.description, title: input.caption },
        }),
      ],
    }),
    ...(legend.length
      ? [
          new Paragraph({
            style: styleIds.tableTextSmall,
            alignment: AlignmentType.CENTER,
            keepNext: true,
            children: legend,
          }),
        ]
      : []),
    caption,
  ];
}
