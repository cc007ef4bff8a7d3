import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { documentType, documentTypes, prepareExport, renderDocument } from '../../shared/documents';
import { imageInfo } from '../../shared/documents/kit/figure';
import { chartLayout, type LineChartSpec } from '../../shared/documents/kit/line-chart';
import { lineChartSvg } from '../../shared/documents/kit/line-chart-svg';
import { nodeChartRasteriser } from '../../scripts/node-chart-rasteriser';
import { chromiumSvgPng, decodePng, labelSimilarity } from './helpers/chart-pixels';
import { richFixture } from './helpers/fixture';

/**
 * The PNG fallback of a chart is the chart's SVG drawn by resvg with the bundled font, so a reader
 * whose office suite shows the PNG (LibreOffice 7, WPS, Word 2013) sees what one that shows the
 * SVG sees: the same words and numbers in real glyphs. Checked against Chromium's drawing of the
 * same SVG with the system's fonts-noto-cjk. Where the labels are (outside the plot), the ink of
 * the two agrees at F1 ≈ 0.999; the former dot-matrix fallback, which drew the digits in a 5×7
 * font and no Chinese, scored 0.57 on the same chart and measure.
 */
const rasteriseChart = await nodeChartRasteriser();
const SCALE = 2;
const SAME_PICTURE = 0.97;

const spec: LineChartSpec = {
  categories: Array.from({ length: 31 }, (_, i) => `03-${String(i + 1).padStart(2, '0')}`),
  series: [
    { name: 'jnb-srv-0001', values: Array.from({ length: 31 }, (_, i) => 40 + 20 * Math.sin(i / 3)) },
    { name: 'jnb-srv-0002', values: Array.from({ length: 31 }, (_, i) => (i % 7 ? 30 + i : null)) },
  ],
  thresholds: [
    { level: 'warning', value: 80, label: '警告 ≥ 80 %' },
    { level: 'critical', value: 90, label: '严重 ≥ 90 %' },
  ],
  unit: '%',
  bounds: { min: 0, max: 100 },
};

describe('chart PNG fallback', () => {
  it('is the SVG drawn with real glyphs: its labels match Chromium’s drawing of the same SVG', async () => {
    const layout = chartLayout(spec);
    const svg = lineChartSvg(spec, layout);
    expect(svg).toContain('警告 ≥ 80 %');
    const png = rasteriseChart(svg, layout.width * SCALE);
    expect(imageInfo(png)).toEqual({ kind: 'png', width: layout.width * SCALE, height: layout.height * SCALE });
    const reference = decodePng(await chromiumSvgPng(svg, layout.width, layout.height, SCALE));
    const similarity = labelSimilarity(decodePng(png), reference, layout, SCALE);
    expect(similarity).toBeGreaterThan(SAME_PICTURE);

    // The measure tells labels apart: the same chart with other words at the thresholds does not pass.
    const relabelled = { ...spec, thresholds: spec.thresholds.map((t) => ({ ...t, label: `阈值上限 ${t.value}` })) };
    const other = decodePng(rasteriseChart(lineChartSvg(relabelled, layout), layout.width * SCALE));
    expect(labelSimilarity(other, reference, layout, SCALE)).toBeLessThan(SAME_PICTURE);
  });

  it('draws a character the font lacks as a box instead of failing', () => {
    // 𠀀 (U+20000) is beyond GB2312, the subset's hanzi.
    const odd = { ...spec, unit: '𠀀' };
    const layout = chartLayout(odd);
    const withBox = decodePng(rasteriseChart(lineChartSvg(odd, layout), layout.width * SCALE));
    const without = decodePng(rasteriseChart(lineChartSvg({ ...spec, unit: '' }, layout), layout.width * SCALE));
    const ink = (image: typeof withBox) => {
      // The unit's place: above the y axis, left of the plot.
      let count = 0;
      for (let y = 0; y < layout.plot.top * SCALE; y++)
        for (let x = 0; x < layout.plot.left * SCALE; x++) if (image.luma[y * image.width + x]! < 190) count++;
      return count;
    };
    // (the top of the "100" tick label is there too, in both)
    expect(ink(withBox)).toBeGreaterThan(ink(without) + 20);
  });
});

describe('which documents need the rasteriser', () => {
  // The document Worker loads resvg and the font only for the types that say they draw charts.
  const fixture = richFixture();
  it.each(documentTypes.map((t) => [t.key, documentType(t.key)!] as const))(
    '%s',
    async (key, type) => {
      const period = type.defaultPeriod?.(fixture.data) ?? undefined;
      const { meta } = prepareExport({
        docType: key,
        project: fixture.data.project,
        exports: fixture.exports,
        exportedBy: '陈立',
        exportedAt: '2026-04-05T10:00',
        company: '恒信科技有限公司',
        period,
      });
      const build = renderDocument(key, fixture.data, meta, { allowMissing: true, files: fixture.files, period });
      if (type.drawsCharts) await expect(build).rejects.toThrow(/rasteriseChart/);
      else expect((await build).ok).toBe(true);
    },
    60_000,
  );
});

function available(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}
const office = available('soffice') && available('pdfimages');

describe.runIf(office || process.env.CI === 'true')('巡检月报 through LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-chart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the first chart as the PNG fallback, which looks like the SVG next to it in the .docx', async () => {
    const fixture = richFixture();
    const period = documentType('patrolMonthlyReport')!.defaultPeriod!(fixture.data) ?? undefined;
    const { meta } = prepareExport({
      docType: 'patrolMonthlyReport',
      project: fixture.data.project,
      exports: fixture.exports,
      exportedBy: '陈立',
      exportedAt: '2026-04-01T10:00',
      company: '恒信科技有限公司',
      period,
    });
    const result = await renderDocument('patrolMonthlyReport', fixture.data, meta, {
      allowMissing: false,
      files: fixture.files,
      period,
      rasteriseChart,
    });
    if (!result.ok) throw new Error(result.missing.map((gap) => gap.zh).join('; '));
    const docx = join(dir, 'monthly.docx');
    writeFileSync(docx, result.bytes);

    // The first chart's SVG, by the relationship its picture names (<asvg:svgBlip r:embed>).
    const zip = await JSZip.loadAsync(result.bytes);
    const body = await zip.file('word/document.xml')!.async('string');
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const svgId = /<asvg:svgBlip [^>]*r:embed="(rId\d+)"/.exec(body)![1]!;
    const target = new RegExp(`Id="${svgId}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    const svg = await zip.file(`word/${target.replace(/^\//, '').replace(/^word\//, '')}`)!.async('string');

    const home = join(dir, 'home');
    mkdirSync(home);
    execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, docx], {
      env: { ...process.env, HOME: home },
      stdio: 'pipe',
      timeout: 120_000,
    });
    // LibreOffice 7 prints the fallback: the PDF's first picture is a 1280 × 540 raster.
    execFileSync('pdfimages', ['-png', '-l', '99', join(dir, 'monthly.pdf'), join(dir, 'img')]);
    const first = readdirSync(dir)
      .filter((f) => /^img-\d+\.png$/.test(f))
      .sort()[0]!;
    const printed = decodePng(readFileSync(join(dir, first)));
    // Every chart has the same size and plot area; only the y scale depends on the data.
    const layout = chartLayout(spec);
    expect([printed.width, printed.height]).toEqual([layout.width * SCALE, layout.height * SCALE]);

    const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!;
    expect([Number(viewBox[1]), Number(viewBox[2])]).toEqual([layout.width, layout.height]);
    const reference = decodePng(await chromiumSvgPng(svg, layout.width, layout.height, SCALE));
    const similarity = labelSimilarity(printed, reference, layout, SCALE);
    expect(similarity).toBeGreaterThan(SAME_PICTURE);
  }, 60_000);
});
