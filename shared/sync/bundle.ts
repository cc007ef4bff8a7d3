import JSZip from 'jszip';
import { z } from 'zod';
import { type Change, changeSchema, sqlText } from '../change-log';
import { uuidPattern } from '../ids';
import { sha256Hex } from '../sha256';
import { sha256Pattern } from './protocol';

/**
 * A project as one file, for transfer without any network and as a backup: a zip holding
 * manifest.json, changes.jsonl (the change log, the authority), rows.jsonl (the current rows,
 * for people and tools that read the file) and blobs/<sha256> (attachments by content hash).
 * Importing replays the change log with the same field-level merge as sync, so importing twice
 * changes nothing.
 */
export const BUNDLE_FORMAT = 'fieldbook-bundle';
export const BUNDLE_VERSION = 1;

export const bundleManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  projectId: z.string().regex(uuidPattern),
  projectName: sqlText(z.string()),
  exportedAt: z.string(),
  exportedBy: z.string(),
  changeCount: z.number().int().min(0),
  blobs: z.array(z.object({ sha256: z.string().regex(sha256Pattern), size: z.number().int().min(0), type: z.string() })),
});
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

export interface BundleBlob {
  sha256: string;
  type: string;
  bytes: Uint8Array;
}

export interface Bundle {
  manifest: BundleManifest;
  changes: Change[];
  rows: Array<Record<string, unknown>>;
  blobs: BundleBlob[];
}

export class BundleError extends Error {}

export async function encodeBundle(bundle: Omit<Bundle, 'manifest'> & { manifest: Omit<BundleManifest, 'format' | 'version' | 'changeCount' | 'blobs'> }): Promise<Uint8Array> {
  const manifest: BundleManifest = {
    ...bundle.manifest,
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    changeCount: bundle.changes.length,
    blobs: bundle.blobs.map((blob) => ({ sha256: blob.sha256, size: blob.bytes.byteLength, type: blob.type })),
  };
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  zip.file('changes.jsonl', bundle.changes.map((change) => JSON.stringify(change)).join('\n'));
  zip.file('rows.jsonl', bundle.rows.map((row) => JSON.stringify(row)).join('\n'));
  for (const blob of bundle.blobs) zip.file(`blobs/${blob.sha256}`, blob.bytes, { compression: 'STORE' });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** Reads and checks a bundle; a damaged or foreign file is refused with a message, nothing half-read. */
export async function decodeBundle(bytes: Uint8Array): Promise<Bundle> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new BundleError('不是有效的项目数据包（无法解压）');
  }
  const manifestText = await zip.file('manifest.json')?.async('string');
  if (!manifestText) throw new BundleError('数据包缺少 manifest.json');
  const manifest = bundleManifestSchema.safeParse(safeJson(manifestText));
  if (!manifest.success) throw new BundleError(`数据包格式不对: ${manifest.error.issues[0]?.message ?? ''}`);
  const changes = parseLines(await zip.file('changes.jsonl')?.async('string'), 'changes.jsonl').map((line, index) => {
    const parsed = changeSchema.safeParse(line);
    if (!parsed.success) throw new BundleError(`changes.jsonl 第 ${index + 1} 行无效`);
    if (parsed.data.projectId !== manifest.data.projectId) throw new BundleError(`changes.jsonl 第 ${index + 1} 行属于另一个项目`);
    return parsed.data;
  });
  if (changes.length !== manifest.data.changeCount) throw new BundleError('数据包不完整：修改记录条数与清单不符');
  const rows = parseLines(await zip.file('rows.jsonl')?.async('string'), 'rows.jsonl') as Array<Record<string, unknown>>;
  const blobs: BundleBlob[] = [];
  for (const entry of manifest.data.blobs) {
    const data = await zip.file(`blobs/${entry.sha256}`)?.async('uint8array');
    if (!data || data.byteLength !== entry.size) throw new BundleError(`数据包缺少附件 ${entry.sha256}`);
    if ((await sha256Hex(data)) !== entry.sha256) throw new BundleError(`附件 ${entry.sha256} 已损坏（校验值不符）`);
    blobs.push({ sha256: entry.sha256, type: entry.type, bytes: data });
  }
  return { manifest: manifest.data, changes, rows, blobs };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseLines(text: string | undefined, name: string): unknown[] {
  if (text === undefined) throw new BundleError(`数据包缺少 ${name}`);
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const value = safeJson(line);
      if (value === undefined) throw new BundleError(`${name} 第 ${index + 1} 行不是有效的 JSON`);
      return value;
    });
}
