import { type Attachment, attachmentSchema } from '../../shared/attachments';
import type { DesktopApi } from '../../shared/desktop-api';
import { sha256Hex } from '../../shared/sha256';
import type { FieldbookDb } from './db';
import { ensureBlob } from './sync/blob-transfer';
import { SyncHttp, SyncHttpError } from './sync/sync-http';
import { type SyncService, tokenAccount } from './sync/sync-service';

/** The largest file one attachment may be. */
export const MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024;
/** Photos are stored with their long edge at most this many pixels (never enlarged). */
export const MAX_PHOTO_EDGE = 2048;
/** JPEG quality of a shrunk photo. */
export const PHOTO_QUALITY = 0.85;

/** A file refused or failed while being attached; the message is for the user, in Chinese. */
export class AttachmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttachmentError';
  }
}

export interface IncomingFile {
  name: string;
  /** The type the browser reported; the bytes decide for images. */
  type: string;
  bytes: Uint8Array;
}

export interface StoreAttachmentOptions {
  /** Store the photo exactly as given instead of shrinking it. */
  keepOriginal?: boolean;
}

/** A size as people read it: 1.5 MB. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1).replace(/\.0$/, '')} ${units[unit]}`;
}

/** Refuses a file over the cap before anything is read or stored. */
export function checkAttachmentSize(name: string, size: number): void {
  if (size > MAX_ATTACHMENT_BYTES) {
    throw new AttachmentError(
      `“${name}”有 ${formatFileSize(size)}，超过了单个附件 ${formatFileSize(MAX_ATTACHMENT_BYTES)} 的上限`,
    );
  }
}

/** Whether a browser can show this attachment as a picture (HEIC, TIFF and SVG are listed as files). */
export function isDisplayablePhoto(attachment: Pick<Attachment, 'type'>): boolean {
  return displayableTypes.has(attachment.type);
}

const displayableTypes = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/bmp']);

/**
 * Stores a file's bytes in the device database once per content hash and returns the reference a
 * record keeps. Photos are shrunk for storage (long edge ≤ 2048 px, EXIF orientation applied)
 * unless `keepOriginal`; the capture time is read from the original's EXIF either way. Resolves
 * once the bytes are durable in IndexedDB; the sync engine uploads them (pendingUpload) before
 * the first change that refers to them.
 */
export async function storeAttachment(
  db: FieldbookDb,
  file: IncomingFile,
  options: StoreAttachmentOptions = {},
): Promise<Attachment> {
  const name = cleanName(file.name);
  checkAttachmentSize(name, file.bytes.byteLength);
  if (file.bytes.byteLength === 0) throw new AttachmentError(`“${name}”是空文件`);
  const type = sniffImageType(file.bytes) ?? cleanType(file.type) ?? typeFromName(name);

  if (!type.startsWith('image/')) return storeAsIs(db, name, type, file.bytes, { takenAt: '', width: 0, height: 0 });

  const takenAt = await readTakenAt(file.bytes);
  if (options.keepOriginal || !shrinkableTypes.has(type) || !canProcessImages()) {
    const size = canProcessImages() ? await measureImage(file.bytes, type) : null;
    return storeAsIs(db, name, type, file.bytes, { takenAt, width: size?.width ?? 0, height: size?.height ?? 0 });
  }

  // The same original shrunk before: reuse the result, so it is stored once even if the
  // browser's encoder changes between the two times.
  const originalSha = await sha256Hex(file.bytes);
  const cacheKey = `${SHRINK_CACHE_PREFIX}${originalSha}`;
  const cached = (await db.meta.get(cacheKey))?.value as ShrinkResult | undefined;
  if (cached && (await db.blobs.where('sha256').equals(cached.sha256).count()) > 0) {
    return reference(renameFor(name, type, cached.type), cached, takenAt);
  }

  let shrunk: { type: string; bytes: Uint8Array; width: number; height: number } | null;
  try {
    shrunk = await shrinkImage(file.bytes, type);
  } catch {
    shrunk = null; // the browser cannot decode it (HEIC outside Safari, a damaged file): keep it as a file
  }
  if (!shrunk) return storeAsIs(db, name, type, file.bytes, { takenAt, width: 0, height: 0 });

  const sha256 = await sha256Hex(shrunk.bytes);
  const result: ShrinkResult = {
    sha256,
    type: shrunk.type,
    size: shrunk.bytes.byteLength,
    width: shrunk.width,
    height: shrunk.height,
  };
  await db.transaction('rw', db.blobs, db.meta, async () => {
    await putBlobOnce(db, sha256, shrunk.type, shrunk.bytes);
    await db.meta.put({ key: cacheKey, value: result });
  });
  return reference(renameFor(name, type, shrunk.type), result, takenAt);
}

const SHRINK_CACHE_PREFIX = `attachment-shrink:${MAX_PHOTO_EDGE}:${PHOTO_QUALITY}:`;

interface ShrinkResult {
  sha256: string;
  type: string;
  size: number;
  width: number;
  height: number;
}

async function storeAsIs(
  db: FieldbookDb,
  name: string,
  type: string,
  bytes: Uint8Array,
  photo: { takenAt: string; width: number; height: number },
): Promise<Attachment> {
  const sha256 = await sha256Hex(bytes);
  await db.transaction('rw', db.blobs, () => putBlobOnce(db, sha256, type, bytes));
  return reference(
    name,
    { sha256, type, size: bytes.byteLength, width: photo.width, height: photo.height },
    photo.takenAt,
  );
}

/** Adds the bytes unless this hash is stored already (whose upload state is then left alone). */
async function putBlobOnce(db: FieldbookDb, sha256: string, type: string, bytes: Uint8Array): Promise<void> {
  if ((await db.blobs.where('sha256').equals(sha256).count()) > 0) return;
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
  await db.blobs.add({ sha256, type, size: bytes.byteLength, bytes: blob, pendingUpload: 1 });
}

function reference(name: string, stored: ShrinkResult, takenAt: string): Attachment {
  return attachmentSchema.parse({
    sha256: stored.sha256,
    name,
    type: stored.type,
    size: stored.size,
    caption: '',
    takenAt,
    width: stored.width,
    height: stored.height,
  });
}

// ---------------------------------------------------------------------------------------------
// Names and types

function cleanName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const name = raw.replace(/[\\/\u0000-\u001f]/g, '_').trim() || '未命名文件';
  if (name.length <= 255) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  return name.slice(0, 255 - ext.length) + ext;
}

function cleanType(type: string): string | null {
  const clean = type.trim().toLowerCase();
  return clean && clean.length <= 100 && /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(clean) ? clean : null;
}

const typesByExtension: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heif',
  pdf: 'application/pdf',
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

function typeFromName(name: string): string {
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  return typesByExtension[ext] ?? 'application/octet-stream';
}

const extensionByType: Record<string, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp' };

/** A shrunk photo stored in another format keeps its name with the new extension. */
function renameFor(name: string, fromType: string, toType: string): string {
  if (fromType === toType) return name;
  const ext = extensionByType[toType] ?? '';
  return cleanName(name.replace(/\.[a-z0-9]{1,5}$/i, '') + ext);
}

/** An image type from the file's first bytes; null when it is not a known image format. */
export function sniffImageType(bytes: Uint8Array): string | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes[0] === 0x89 && ascii(1, 4) === 'PNG' && bytes[4] === 0x0d && bytes[5] === 0x0a)
    return 'image/png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(0, 4) === 'GIF8') return 'image/gif';
  if (ascii(0, 2) === 'BM' && bytes.length > 26) return 'image/bmp';
  if (ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    if (brand === 'avif' || brand === 'avis') return 'image/avif';
    if (['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx'].includes(brand)) return 'image/heic';
    if (brand === 'mif1' || brand === 'msf1') return 'image/heif';
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// EXIF

interface ExifrModule {
  parse(data: Uint8Array, options: object): Promise<Record<string, unknown> | undefined>;
}

let exifrModule: Promise<ExifrModule> | undefined;

function loadExifr(): Promise<ExifrModule> {
  // Loaded on first use: the app starts without it, and most records never see a photo.
  exifrModule ??= import('exifr').then((m) => {
    const withDefault = m as unknown as ExifrModule & { default?: ExifrModule };
    return typeof withDefault.parse === 'function' ? withDefault : withDefault.default!;
  });
  return exifrModule;
}

/** The EXIF capture time as local wall time YYYY-MM-DDTHH:mm:ss, or '' when the file has none. */
export async function readTakenAt(bytes: Uint8Array): Promise<string> {
  try {
    const exifr = await loadExifr();
    const tags = await exifr.parse(bytes, {
      pick: ['DateTimeOriginal', 'CreateDate'],
      reviveValues: false,
      translateValues: false,
      xmp: false,
      icc: false,
      iptc: false,
      jfif: false,
      ihdr: false,
    });
    return exifDateTime(tags?.DateTimeOriginal) || exifDateTime(tags?.CreateDate);
  } catch {
    return ''; // a damaged or unusual EXIF block: the photo is still worth keeping
  }
}

/** '2024:05:06 14:30:00' → '2024-05-06T14:30:00'; anything else → ''. */
export function exifDateTime(value: unknown): string {
  if (typeof value !== 'string') return '';
  const match = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!match) return '';
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return '';
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}`;
}

// ---------------------------------------------------------------------------------------------
// Shrinking (browser only)

/** JPEG, PNG, WebP, BMP, AVIF and HEIC (where the browser decodes it); GIF may be animated and stays as is. */
const shrinkableTypes = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/bmp',
  'image/avif',
  'image/heic',
  'image/heif',
]);
/** Formats whose pixels are usually a photograph; the others (PNG, BMP) usually a screenshot. */
const photoTypes = new Set(['image/jpeg', 'image/heic', 'image/heif', 'image/avif', 'image/webp']);

function canProcessImages(): boolean {
  return (
    typeof createImageBitmap === 'function' &&
    (typeof OffscreenCanvas === 'function' || typeof document !== 'undefined')
  );
}

async function decode(bytes: Uint8Array, type: string): Promise<ImageBitmap> {
  // from-image applies the EXIF orientation, so width and height are as the photo is seen.
  return createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), { imageOrientation: 'from-image' });
}

async function measureImage(bytes: Uint8Array, type: string): Promise<{ width: number; height: number } | null> {
  try {
    const bitmap = await decode(bytes, type);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    return null;
  }
}

interface Surface {
  context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
  encode(type: string, quality?: number): Promise<Blob>;
}

function surface(width: number, height: number): Surface {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    return { context, encode: (type, quality) => canvas.convertToBlob({ type, quality }) };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  return {
    context,
    encode: (type, quality) =>
      new Promise((resolve, reject) =>
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encode failed'))), type, quality),
      ),
  };
}

function isOpaque(context: Surface['context'], width: number, height: number): boolean {
  const data = context.getImageData(0, 0, width, height).data;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) return false;
  return true;
}

/**
 * The photo at most MAX_PHOTO_EDGE on its long edge: JPEG for photographs, PNG for screenshots
 * and for anything transparent (JPEG only when a PNG would be more than twice its size). When
 * the photo needed no shrinking and the original is no larger, the original bytes are kept.
 */
async function shrinkImage(
  original: Uint8Array,
  type: string,
): Promise<{ type: string; bytes: Uint8Array; width: number; height: number }> {
  const full = await decode(original, type);
  const scale = Math.min(1, MAX_PHOTO_EDGE / Math.max(full.width, full.height));
  const width = Math.max(1, Math.round(full.width * scale));
  const height = Math.max(1, Math.round(full.height * scale));
  let bitmap = full;
  if (scale < 1) {
    bitmap = await createImageBitmap(full, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
    full.close();
  }
  try {
    const canvas = surface(width, height);
    canvas.context.drawImage(bitmap, 0, 0);
    const opaque = type === 'image/jpeg' || isOpaque(canvas.context, width, height);

    let encoded: Blob;
    if (!opaque) {
      encoded = await canvas.encode('image/png');
    } else if (photoTypes.has(type)) {
      encoded = await canvas.encode('image/jpeg', PHOTO_QUALITY);
    } else {
      const png = await canvas.encode('image/png');
      const jpeg = await canvas.encode('image/jpeg', PHOTO_QUALITY);
      encoded = jpeg.size * 2 < png.size ? jpeg : png;
    }
    const encodedType = encoded.type || 'image/png';
    if (scale === 1 && displayableTypes.has(type) && original.byteLength <= encoded.size) {
      return { type, bytes: original, width, height };
    }
    return { type: encodedType, bytes: new Uint8Array(await encoded.arrayBuffer()), width, height };
  } finally {
    bitmap.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Reading back

/** Makes the team server's client for lazy downloads, or null when this device is not signed in. */
export type SyncHttpGetter = () => SyncHttp | null;

/** The signed-in account's server, read afresh at every call (the user may sign in or out). */
export function syncHttpGetter(
  sync: Pick<SyncService, 'getStatus'>,
  api: Pick<DesktopApi, 'getToken'>,
): SyncHttpGetter {
  return () => {
    const account = sync.getStatus().account;
    if (!account) return null;
    return new SyncHttp(account.serverUrl, () => api.getToken(tokenAccount(account.serverUrl)));
  };
}

const downloads = new WeakMap<FieldbookDb, Map<string, Promise<Blob | null>>>();

/**
 * An attachment's bytes: from this device, else downloaded from the team server (once, even if
 * several views ask at the same time) when signed in. Null when neither has them yet.
 */
export function loadAttachmentBlob(
  db: FieldbookDb,
  attachment: Pick<Attachment, 'sha256' | 'type'>,
  projectId: string,
  http: SyncHttpGetter | null,
): Promise<Blob | null> {
  let inFlight = downloads.get(db);
  if (!inFlight) downloads.set(db, (inFlight = new Map()));
  const known = inFlight.get(attachment.sha256);
  if (known) return known;
  const pending = (async () => {
    try {
      return await ensureBlob(db, http?.() ?? null, attachment.sha256, projectId, attachment.type);
    } catch (error) {
      // Not on the server either: the device that took it has not synced yet.
      if (error instanceof SyncHttpError && error.status === 404) return null;
      throw error;
    } finally {
      inFlight.delete(attachment.sha256);
    }
  })();
  inFlight.set(attachment.sha256, pending);
  return pending;
}
