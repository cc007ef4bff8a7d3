/// <reference lib="webworker" />
import type { WorkerResult } from './render-in-worker';
import type {
  DocumentMeta,
  DocumentPeriod,
  DocumentTypeKey,
  ProjectDocumentData,
} from '../../../shared/documents/catalogue';
import { documentType } from '../../../shared/documents/catalogue';
import { renderDocument } from '../../../shared/documents/render';
import { type ChartRasteriser, createChartRasteriser } from '../../../shared/documents/kit/chart-raster';
// Emitted as files of the build and fetched only here, when a document is built: the screens
// never load them (2.5 MB of wasm, 1.6 MB of font).
import resvgWasmUrl from '@resvg/resvg-wasm/index_bg.wasm?url';
import chartFontUrl from '../../../assets/fonts/chart-sans-sc.otf?url';

export interface RenderRequest {
  docType: DocumentTypeKey;
  data: ProjectDocumentData;
  meta: DocumentMeta;
  allowMissing: boolean;
  files: Map<string, Uint8Array>;
  /** The day, month or range a periodic document covers; its default period when absent. */
  period?: DocumentPeriod;
  /** The company template's bytes: the content goes into its {{正文}} paragraph. */
  houseTemplate?: Uint8Array;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

let rasteriser: Promise<ChartRasteriser> | undefined;

/**
 * resvg and the chart font, which draw the PNG fallback of a document's charts: fetched by the
 * first document that draws charts, then kept for the Worker's life (a failed load is retried).
 */
function chartRasteriser(): Promise<ChartRasteriser> {
  rasteriser ??= Promise.all([fetchBytes(resvgWasmUrl), fetchBytes(chartFontUrl)])
    .then(([wasm, font]) => createChartRasteriser({ wasm, font }))
    .catch((error: unknown) => {
      rasteriser = undefined;
      throw error;
    });
  return rasteriser;
}

/** Builds and packs a Word document off the UI thread; the bytes travel back without a copy. */
self.onmessage = async (event: MessageEvent<RenderRequest>) => {
  const { docType, data, meta, allowMissing, files, period, houseTemplate } = event.data;
  try {
    const rasteriseChart = documentType(docType)?.drawsCharts ? await chartRasteriser() : undefined;
    const result = await renderDocument(docType, data, meta, {
      allowMissing,
      files,
      period,
      houseTemplate,
      rasteriseChart,
    });
    if (result.ok) (self as unknown as Worker).postMessage(result, [result.bytes.buffer]);
    else (self as unknown as Worker).postMessage(result);
  } catch (error) {
    // The stack goes with the message: the page shows it among the details to copy.
    const failure: WorkerResult =
      error instanceof Error
        ? { ok: false, error: error.message, stack: error.stack }
        : { ok: false, error: String(error) };
    (self as unknown as Worker).postMessage(failure);
  }
};
