import type { RenderResult } from '../../../shared/documents';
import type { RenderRequest } from './document-worker';

export type WorkerResult = RenderResult | { ok: false; error: string };

/** Renders one document in a fresh Web Worker, so a large one never freezes the window. */
export function renderInWorker(request: RenderRequest): Promise<WorkerResult> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./document-worker.ts', import.meta.url), { type: 'module', name: 'fieldbook-documents' });
    worker.onmessage = (event: MessageEvent<WorkerResult>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({ ok: false, error: event.message || '文档生成失败' });
    };
    worker.postMessage(request);
  });
}
