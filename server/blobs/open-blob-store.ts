import fsp from 'node:fs/promises';
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
  const blobs: BlobStore =
    store.dialect === 'postgres' ? new PgBlobStore(store, now) : new DiskBlobStore(diskBlobRoot(dataDir));
  await blobs.init();
  return blobs;
}

/**
 * Whether attachment files of the disk store are still under the data directory of a PostgreSQL
 * server (from before its bytes moved into the database): those blobs answer 404 blob_missing
 * until `server:admin migrate-blobs` moves them. Stops at the first file it finds.
 */
export async function blobFilesLeftOnDisk(dataDir: string): Promise<boolean> {
  const root = diskBlobRoot(dataDir);
  let dirs: string[];
  try {
    dirs = await fsp.readdir(root);
  } catch {
    return false;
  }
  for (const dir of dirs.filter((name) => /^[0-9a-f]{2}$/.test(name))) {
    if ((await fsp.readdir(path.join(root, dir)).catch(() => [])).length > 0) return true;
  }
  return false;
}
