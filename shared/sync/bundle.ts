import type JSZip from 'jszip';
import { z } from 'zod';
import { type Change, changeSchema, sqlText } from '../change-log';
import { uuidPattern } from '../ids';
import { sha256Hex } from '../sha256';
import { manifestSignature, sameHex, SIGNATURE_ALGORITHM } from './bundle-signature';
import { sha256Pattern } from './protocol';

/**
 * A project as one file, for transfer without any network and as a backup: a zip holding
 * manifest.json, changes.jsonl (the change log, the authority), rows.jsonl (the current rows,
 * for people and tools that read the file) and blobs/<sha256> (attachments by content hash).
 * Importing replays the change log with the same field-level merge as sync, so importing twice
 * changes nothing.
 *
 * Integrity (version 2): the manifest holds the SHA-256 of changes.jsonl and rows.jsonl
 * (`entries`), attachments are named by theirs; every one is checked on reading, and a
 * mismatch names the entry. This catches damage and an edit by hand of a value; someone who
 * rewrites the digests in the manifest as well is caught only in a signed file, by a reader
 * holding the project's key (bundle-signature.ts). Version 1 files, without digests, are still
 * read.
 */
export const BUNDLE_FORMAT = 'fieldbook-bundle';
export const BUNDLE_VERSION = 2;
const DIGESTED_ENTRIES = ['changes.jsonl', 'rows.jsonl'] as const;

export const bundleManifestSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.union([z.literal(1), z.literal(BUNDLE_VERSION)]),
    projectId: z.string().regex(uuidPattern),
    projectName: sqlText(z.string()),
    exportedAt: z.string(),
    exportedBy: z.string(),
    changeCount: z.number().int().min(0),
    blobs: z.array(
      z.object({ sha256: z.string().regex(sha256Pattern), size: z.number().int().min(0), type: z.string() }),
    ),
    /** SHA-256 of each text entry; required from version 2. */
    entries: z.record(z.enum(DIGESTED_ENTRIES), z.string().regex(sha256Pattern)).optional(),
    /** HMAC of the rest of the manifest with the project's key (bundle-signature.ts), when the exporter had it. */
    signature: z
      .object({ algorithm: z.literal(SIGNATURE_ALGORITHM), value: z.string().regex(sha256Pattern) })
      .optional(),
  })
  .refine(
    (m) => m.version === 1 || DIGESTED_ENTRIES.every((name) => m.entries?.[name] !== undefined),
    '清单缺少校验值 / manifest lacks entry digests',
  );
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

/** Checked against the project's key; signed with a key the reader does not have; not signed. */
export type SignatureStatus = 'valid' | 'unverified' | 'unsigned';

export interface DecodedBundle extends Bundle {
  signature: SignatureStatus;
}

/** The project's bundle key, when the reader has it. */
export type BundleKeyLookup = (projectId: string) => Promise<string | undefined> | string | undefined;

export class BundleError extends Error {}

export async function encodeBundle(
  bundle: Omit<Bundle, 'manifest'> & {
    manifest: Omit<BundleManifest, 'format' | 'version' | 'changeCount' | 'blobs' | 'entries' | 'signature'>;
  },
  options: { key?: string } = {},
): Promise<Uint8Array> {
  const texts = {
    'changes.jsonl': utf8(bundle.changes.map((change) => JSON.stringify(change)).join('\n')),
    'rows.jsonl': utf8(bundle.rows.map((row) => JSON.stringify(row)).join('\n')),
  };
  const manifest: BundleManifest = {
    ...bundle.manifest,
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    changeCount: bundle.changes.length,
    blobs: bundle.blobs.map((blob) => ({ sha256: blob.sha256, size: blob.bytes.byteLength, type: blob.type })),
    entries: {
      'changes.jsonl': await sha256Hex(texts['changes.jsonl']),
      'rows.jsonl': await sha256Hex(texts['rows.jsonl']),
    },
  };
  if (options.key)
    manifest.signature = { algorithm: SIGNATURE_ALGORITHM, value: await manifestSignature(manifest, options.key) };
  const zip = new (await loadJSZip())();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  for (const name of DIGESTED_ENTRIES) zip.file(name, texts[name]);
  for (const blob of bundle.blobs) zip.file(`blobs/${blob.sha256}`, blob.bytes, { compression: 'STORE' });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** JSZip is loaded when a bundle is first written or read, not with the pages that offer it. */
async function loadJSZip(): Promise<typeof JSZip> {
  return (await import('jszip')).default;
}

/** Reads and checks a bundle; a damaged, edited or foreign file is refused with a message, nothing half-read. */
export async function decodeBundle(
  bytes: Uint8Array,
  keyFor: BundleKeyLookup = () => undefined,
): Promise<DecodedBundle> {
  let zip: JSZip;
  try {
    zip = await (await loadJSZip()).loadAsync(bytes);
  } catch {
    throw new BundleError('不是有效的项目数据包（无法解压）');
  }
  const manifestBytes = await entryBytes(zip, 'manifest.json');
  if (!manifestBytes) throw new BundleError('数据包缺少 manifest.json');
  const manifest = bundleManifestSchema.safeParse(safeJson(text(manifestBytes)));
  if (!manifest.success) throw new BundleError(`数据包格式不对: ${manifest.error.issues[0]?.message ?? ''}`);
  const signature = await checkSignature(manifest.data, keyFor);
  const texts: Record<string, string | undefined> = {};
  for (const name of DIGESTED_ENTRIES) {
    const data = await entryBytes(zip, name);
    const expected = manifest.data.entries?.[name];
    if (data && expected !== undefined && (await sha256Hex(data)) !== expected) {
      throw new BundleError(`数据包中的 ${name} 在导出后被改动过或已损坏（校验值与清单不符），不能导入`);
    }
    texts[name] = data && text(data);
  }
  const changes = parseLines(texts['changes.jsonl'], 'changes.jsonl').map((line, index) => {
    const parsed = changeSchema.safeParse(line);
    if (!parsed.success) throw new BundleError(`changes.jsonl 第 ${index + 1} 行无效`);
    if (parsed.data.projectId !== manifest.data.projectId)
      throw new BundleError(`changes.jsonl 第 ${index + 1} 行属于另一个项目`);
    return parsed.data;
  });
  if (changes.length !== manifest.data.changeCount) throw new BundleError('数据包不完整：修改记录条数与清单不符');
  const rows = parseLines(texts['rows.jsonl'], 'rows.jsonl') as Array<Record<string, unknown>>;
  const blobs: BundleBlob[] = [];
  for (const entry of manifest.data.blobs) {
    const data = await entryBytes(zip, `blobs/${entry.sha256}`);
    if (!data || data.byteLength !== entry.size) throw new BundleError(`数据包缺少附件 ${entry.sha256}`);
    if ((await sha256Hex(data)) !== entry.sha256) throw new BundleError(`附件 ${entry.sha256} 已损坏（校验值不符）`);
    blobs.push({ sha256: entry.sha256, type: entry.type, bytes: data });
  }
  return { manifest: manifest.data, changes, rows, blobs, signature };
}

/** The manifest's signature against the project's key; a mismatch refuses the file. */
async function checkSignature(manifest: BundleManifest, keyFor: BundleKeyLookup): Promise<SignatureStatus> {
  if (!manifest.signature) return 'unsigned';
  const key = await keyFor(manifest.projectId);
  if (!key) return 'unverified';
  if (!sameHex(await manifestSignature(manifest, key), manifest.signature.value)) {
    throw new BundleError('数据包的签名不符：文件在导出后被改动过（或不是本项目成员导出的），不能导入');
  }
  return 'valid';
}

/**
 * An entry's bytes, or undefined when the zip has no such entry. JSZip checks sizes and CRCs
 * only when it inflates an entry, and words failures for developers ("Bug : uncompressed data
 * size mismatch"): a damaged entry becomes a BundleError naming it.
 */
async function entryBytes(zip: JSZip, name: string): Promise<Uint8Array | undefined> {
  const entry = zip.file(name);
  if (!entry) return undefined;
  try {
    return await entry.async('uint8array');
  } catch {
    throw new BundleError(`数据包已损坏：${name} 无法解压（文件在复制或传输中损坏），不能导入`);
  }
}

// shared/ compiles without DOM or Node types; TextEncoder/TextDecoder exist in every runtime.
interface Utf8Codecs {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
}
const codecs = globalThis as unknown as Utf8Codecs;
const utf8 = (value: string): Uint8Array => new codecs.TextEncoder().encode(value);
function text(bytes: Uint8Array): string {
  try {
    return new codecs.TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BundleError('数据包中有不是 UTF-8 的文本');
  }
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
