import path from 'node:path';
import type { Store } from '../db/store';
import type { BlobStore } from './blob-store';
import { DiskBlobStore } from './disk-blob-store';
import { PgBlobStore } from './pg-blob-store';

/** Where the disk store keeps its files: <data-dir>/blobs. */
export const diskBlobRoot = (dataDir: string): string => path.join(dataDir, 'blobs');

/**
 * The blob store that goes with the database: chunks in PostgreSQL (shared by every server
 * node), files under the data directory with SQLite. Initialised, ready to use.
 */
export async function openBlobStore(store: Store, dataDir: string, now: () => number = Date.now): Promise<BlobStore> {
  const blobs: BlobStore = store.dialect === 'postgres' ? new PgBlobStore(store, now) : new DiskBlobStore(diskBlobRoot(dataDir));
  await blobs.init();
  return blobs;
}
