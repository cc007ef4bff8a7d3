import type { RenderResult } from '../../../shared/documents/render';
import type { RenderRequest } from './document-worker';

/** A build that threw: its message and, from the worker, its stack. */
export type WorkerResult = RenderResult | { ok: false; error: string; stack?: string };

/** Renders one document in a fresh Web Worker, so a large one never freezes the window. */
export function renderInWorker(request: RenderRequest): Promise<WorkerResult> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./document-worker.ts', import.meta.url), {
      type: 'module',
      name: 'fieldbook-documents',
    });
    worker.onmessage = (event: MessageEvent<WorkerResult>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      // The worker itself failed (it did not load, or threw outside the build).
      resolve({ ok: false, error: event.message ?? '' });
    };
    worker.postMessage(request);
  });
}
