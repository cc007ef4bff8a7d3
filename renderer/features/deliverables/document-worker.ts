/// <reference lib="webworker" />
import { type DocumentMeta, type DocumentPeriod, type DocumentTypeKey, type ProjectDocumentData, renderDocument } from '../../../shared/documents';

export interface RenderRequest {
  docType: DocumentTypeKey;
  data: ProjectDocumentData;
  meta: DocumentMeta;
  allowMissing: boolean;
  files: Map<string, Uint8Array>;
  /** The day, month or range a periodic document covers; its default period when absent. */
  period?: DocumentPeriod;
}

/** Builds and packs a Word document off the UI thread; the bytes travel back without a copy. */
self.onmessage = async (event: MessageEvent<RenderRequest>) => {
  const { docType, data, meta, allowMissing, files, period } = event.data;
  try {
    const result = await renderDocument(docType, data, meta, { allowMissing, files, period });
    if (result.ok) (self as unknown as Worker).postMessage(result, [result.bytes.buffer]);
    else (self as unknown as Worker).postMessage(result);
  } catch (error) {
    (self as unknown as Worker).postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
