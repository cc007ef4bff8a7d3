/// <reference lib="webworker" />
import type { WorkerResult } from './render-in-worker';
import type {
  DocumentMeta,
  DocumentPeriod,
  DocumentTypeKey,
  ProjectDocumentData,
} from '../../../shared/documents/catalogue';
import { renderDocument } from '../../../shared/documents/render';

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

/** Builds and packs a Word document off the UI thread; the bytes travel back without a copy. */
self.onmessage = async (event: MessageEvent<RenderRequest>) => {
  const { docType, data, meta, allowMissing, files, period, houseTemplate } = event.data;
  try {
    const result = await renderDocument(docType, data, meta, { allowMissing, files, period, houseTemplate });
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
