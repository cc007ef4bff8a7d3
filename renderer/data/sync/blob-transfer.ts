import i18next from 'i18next';
import { sha256Hex } from '../../../shared/sha256';
import { BLOB_CHUNK_BYTES } from '../../../shared/sync/protocol';
import type { FieldbookDb } from '../db';
import type { SyncHttp } from './sync-http';

/**
 * Sends an attachment's bytes to the server unless it has them already (HEAD), in chunks that
 * resume where the server's partial copy ends, so a broken link costs at most one chunk.
 */
export async function uploadBlob(db: FieldbookDb, http: SyncHttp, sha256: string, projectId: string): Promise<void> {
  const blob = await db.blobs.get(sha256);
  if (!blob) return; // referenced but not on this device: another device will upload it
  if (!blob.pendingUpload) return;
  const status = await http.blobStatus(sha256, projectId);
  let offset = status.offset;
  if (!status.complete) {
    const bytes = new Uint8Array(await blob.bytes.arrayBuffer());
    while (offset < bytes.byteLength) {
      const end = Math.min(offset + BLOB_CHUNK_BYTES, bytes.byteLength);
      await http.putBlobChunk(sha256, projectId, offset, bytes.byteLength, bytes.subarray(offset, end));
      offset = end;
    }
  }
  await db.blobs.update(sha256, { pendingUpload: undefined });
}

/** An attachment's bytes, fetched from the server the first time a record shows it. */
export async function ensureBlob(
  db: FieldbookDb,
  http: SyncHttp | null,
  sha256: string,
  projectId: string,
  type = '',
): Promise<Blob | null> {
  const local = await db.blobs.get(sha256);
  if (local) return local.bytes;
  if (!http) return null;
  const bytes = await http.getBlob(sha256, projectId);
  if ((await sha256Hex(bytes)) !== sha256)
    throw new Error(i18next.t('syncErrors.blobIncomplete', { hash: sha256.slice(0, 12) }));
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
  await db.blobs.put({ sha256, type, size: bytes.byteLength, bytes: blob });
  return blob;
}
