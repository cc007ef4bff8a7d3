import { liveQuery } from 'dexie';
import { useEffect, useReducer, useRef, useSyncExternalStore } from 'react';
import type { Attachment } from '../../../shared/attachments';
import { useServices } from '../../app/services';
import { type SyncHttpGetter, loadAttachmentBlob, syncHttpGetter } from '../../data/attachments';

/** Where a stored attachment can be shown from. */
export type AttachmentUrl =
  | { status: 'loading' }
  | { status: 'ready'; url: string }
  /** Neither this device nor (when signed in) the server has the bytes yet. */
  | { status: 'missing' }
  | { status: 'error'; message: string };

export interface AttachmentUrlOptions {
  /**
   * The team server to fetch missing bytes from; by default the signed-in account's (read at
   * each download). Null never downloads.
   */
  http?: SyncHttpGetter | null;
}

type AttachmentKey = Pick<Attachment, 'sha256' | 'type'>;

interface Entry {
  state: AttachmentUrl;
  dispose(): void;
}

const LOADING: AttachmentUrl = { status: 'loading' };
const MISSING: AttachmentUrl = { status: 'missing' };

/**
 * Object URLs of stored attachments, by sha256: the local bytes, or downloaded from the team
 * server the first time this device shows them. A missing one appears by itself once sync
 * brings it. URLs are revoked when an attachment leaves the list and on unmount.
 */
export function useAttachmentUrls(
  attachments: readonly AttachmentKey[],
  projectId: string,
  options: AttachmentUrlOptions = {},
): ReadonlyMap<string, AttachmentUrl> {
  const { db, sync, api } = useServices();
  const httpRef = useRef<SyncHttpGetter | null>(null);
  httpRef.current = options.http === undefined ? syncHttpGetter(sync, api) : options.http;
  // Signing in (or out) is a reason to try the missing ones again.
  const serverUrl = useSyncExternalStore(sync.subscribe, () => sync.getStatus().account?.serverUrl ?? '');
  const entries = useRef(new Map<string, Entry>());
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  const types = new Map(attachments.map((a) => [a.sha256, a.type]));
  const key = [...types.keys()].sort().join(',');
  const context = `${projectId}\n${serverUrl}`;
  const lastContext = useRef(context);

  useEffect(() => {
    const wanted = new Map(key ? key.split(',').map((sha) => [sha, types.get(sha) ?? ''] as const) : []);
    // Another project or account: what was missing may be downloadable now.
    const retry = lastContext.current !== context;
    lastContext.current = context;
    let changed = false;
    for (const [sha, entry] of entries.current) {
      if (!wanted.has(sha) || (retry && entry.state.status !== 'ready')) {
        entry.dispose();
        entries.current.delete(sha);
        changed = true;
      }
    }
    for (const [sha, type] of wanted) {
      if (entries.current.has(sha)) continue;
      entries.current.set(sha, load(sha, type));
      changed = true;
    }
    if (changed) rerender();
    // `types` is read through `key`, which lists its hashes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key, context]);

  useEffect(() => {
    const current = entries.current;
    return () => {
      for (const entry of current.values()) entry.dispose();
      current.clear();
    };
  }, []);

  function load(sha256: string, type: string): Entry {
    let disposed = false;
    let url: string | undefined;
    let unsubscribe: (() => void) | undefined;
    const entry: Entry = {
      state: LOADING,
      dispose() {
        disposed = true;
        unsubscribe?.();
        if (url) URL.revokeObjectURL(url);
      },
    };
    const set = (state: AttachmentUrl) => {
      if (disposed) return;
      entry.state = state;
      rerender();
    };
    const show = (blob: Blob) => {
      if (disposed || url) return;
      url = URL.createObjectURL(blob);
      set({ status: 'ready', url });
    };
    // Until it is shown, watch for the bytes arriving (sync, an import) to show them then.
    const watch = () => {
      if (disposed || unsubscribe) return;
      const subscription = liveQuery(() => db.blobs.get(sha256)).subscribe({
        next: (row) => {
          if (row) {
            show(row.bytes);
            subscription.unsubscribe();
          }
        },
        error: () => undefined,
      });
      unsubscribe = () => subscription.unsubscribe();
    };
    loadAttachmentBlob(db, { sha256, type }, projectId, httpRef.current).then(
      (blob) => {
        if (blob) return show(blob);
        set(MISSING);
        watch();
      },
      (error: unknown) => {
        set({ status: 'error', message: error instanceof Error ? error.message : String(error) });
        watch();
      },
    );
    return entry;
  }

  const result = new Map<string, AttachmentUrl>();
  for (const sha of types.keys()) result.set(sha, entries.current.get(sha)?.state ?? LOADING);
  return result;
}

/** One attachment's object URL; see useAttachmentUrls. */
export function useAttachmentUrl(
  attachment: AttachmentKey | null | undefined,
  projectId: string,
  options?: AttachmentUrlOptions,
): AttachmentUrl {
  const list = attachment ? [attachment] : [];
  const urls = useAttachmentUrls(list, projectId, options);
  return attachment ? (urls.get(attachment.sha256) ?? LOADING) : MISSING;
}
