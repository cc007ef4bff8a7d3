import { initWasm, Resvg } from '@resvg/resvg-wasm';

/**
 * Turns a chart's SVG into the PNG Word shows where it cannot show SVG (Word 2013 and older, WPS
 * and LibreOffice versions without SVG import): the same picture, drawn from the same SVG by
 * resvg (compiled to WebAssembly), with real glyphs from the bundled chart font.
 *
 * Handed in through BuildOptions like the photos' bytes: shared/ cannot read files, so the side
 * that builds documents loads the wasm and the font (Node: from disk; the document Worker: the
 * build's asset URLs) and calls createChartRasteriser once.
 */
export type ChartRasteriser = (svg: string, pixelWidth: number) => Uint8Array;

export interface ChartRasterAssets {
  /** @resvg/resvg-wasm's index_bg.wasm. */
  wasm: Uint8Array;
  /** assets/fonts/chart-sans-sc.otf (scripts/subset-chart-font.sh). */
  font: Uint8Array;
}

/**
 * The family name inside the bundled font (a subset of Noto Sans CJK SC keeps its name). The SVG
 * names it first, so a reader that has the full font draws the SVG as the PNG was drawn.
 */
export const CHART_FONT_FAMILY = 'Noto Sans CJK SC';

// wasm-bindgen's module can be initialised once per JavaScript realm.
let wasmReady: Promise<void> | undefined;

export async function createChartRasteriser(assets: ChartRasterAssets): Promise<ChartRasteriser> {
  // A copy on a plain ArrayBuffer: what WebAssembly takes (a Node Buffer may sit on a shared pool).
  wasmReady ??= initWasm(new Uint8Array(assets.wasm)).catch((error: unknown) => {
    wasmReady = undefined;
    throw error;
  });
  await wasmReady;
  const font = {
    fontBuffers: [assets.font],
    // Whatever family the SVG names, the one font there is draws it (resvg has no system fonts
    // in wasm); a character the font lacks is drawn as its .notdef box.
    defaultFontFamily: CHART_FONT_FAMILY,
    sansSerifFamily: CHART_FONT_FAMILY,
    serifFamily: CHART_FONT_FAMILY,
    monospaceFamily: CHART_FONT_FAMILY,
  };
  return (svg, pixelWidth) => {
    const resvg = new Resvg(svg, { font, fitTo: { mode: 'width', value: pixelWidth }, background: '#ffffff' });
    try {
      const image = resvg.render();
      try {
        return image.asPng();
      } finally {
        image.free();
      }
    } finally {
      resvg.free();
    }
  };
}
