/**
 * The chart rasteriser for documents built in Node (the tests, `npm run export:sample`, the
 * benchmarks): resvg's wasm from node_modules and the bundled chart font from assets/fonts, read
 * from disk once per process. The app's document Worker loads the same two files by URL
 * (renderer/features/deliverables/document-worker.ts).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type ChartRasteriser, createChartRasteriser } from '../shared/documents/kit/chart-raster';

export const chartFontPath = fileURLToPath(new URL('../assets/fonts/chart-sans-sc.otf', import.meta.url));

let loaded: Promise<ChartRasteriser> | undefined;

export function nodeChartRasteriser(): Promise<ChartRasteriser> {
  loaded ??= (async () => {
    const wasm = await readFile(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'));
    return createChartRasteriser({ wasm, font: await readFile(chartFontPath) });
  })();
  return loaded;
}
