import { afterEach, describe, expect, it } from 'vitest';
import { attachmentSchema } from '../../shared/attachments';
import { sha256Hex } from '../../shared/sha256';
import {
  AttachmentError,
  MAX_ATTACHMENT_BYTES,
  checkAttachmentSize,
  exifDateTime,
  formatFileSize,
  loadAttachmentBlob,
  sniffImageType,
  storeAttachment,
} from '../../renderer/data/attachments';
import type { FieldbookDb } from '../../renderer/data/db';
import { exifOnlyJpeg } from './helpers/exif-jpeg';
import { openTestRepository } from './helpers/test-db';

const opened: FieldbookDb[] = [];
async function openDb(): Promise<FieldbookDb> {
  const { db } = await openTestRepository();
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const report = new TextEncoder().encode('机房巡检记录\n温度 22℃，湿度 45%\n');

describe('storeAttachment', () => {
  it('stores the same file once, by content hash, and returns references carrying name, type and size', async () => {
    const db = await openDb();
    const first = await storeAttachment(db, { name: '巡检记录.txt', type: 'text/plain', bytes: report });
    const second = await storeAttachment(db, { name: '巡检记录.txt', type: 'text/plain', bytes: report.slice() });
    const renamed = await storeAttachment(db, { name: '副本.txt', type: 'text/plain', bytes: report.slice() });

    const sha256 = await sha256Hex(report);
    expect(first).toEqual({
      sha256,
      name: '巡检记录.txt',
      type: 'text/plain',
      size: report.byteLength,
      caption: '',
      takenAt: '',
      width: 0,
      height: 0,
    });
    expect(second).toEqual(first);
    expect(renamed).toEqual({ ...first, name: '副本.txt' });
    expect(attachmentSchema.parse(first)).toEqual(first);

    expect(await db.blobs.count()).toBe(1);
    const row = (await db.blobs.get(sha256))!;
    expect(row).toMatchObject({ sha256, type: 'text/plain', size: report.byteLength, pendingUpload: 1 });
    expect(new Uint8Array(await row.bytes.arrayBuffer())).toEqual(report);
  });

  it('leaves the upload state of bytes the server already has alone when they are attached again', async () => {
    const db = await openDb();
    const ref = await storeAttachment(db, { name: 'a.pdf', type: 'application/pdf', bytes: report });
    await db.blobs.update(ref.sha256, { pendingUpload: undefined });
    await storeAttachment(db, { name: 'b.pdf', type: 'application/pdf', bytes: report });
    expect((await db.blobs.get(ref.sha256))?.pendingUpload).toBeUndefined();
    expect(await db.blobs.count()).toBe(1);
  });

  it('keeps a photo as given with keepOriginal, reading its capture time from EXIF', async () => {
    const db = await openDb();
    const photo = exifOnlyJpeg({ dateTimeOriginal: '2026:03:18 09:41:27', orientation: 6 });
    // The bytes decide the type: a JPEG named .png with no type from the browser is still a JPEG.
    const ref = await storeAttachment(db, { name: 'IMG_0001.png', type: '', bytes: photo }, { keepOriginal: true });
    expect(ref).toMatchObject({
      name: 'IMG_0001.png',
      type: 'image/jpeg',
      size: photo.byteLength,
      takenAt: '2026-03-18T09:41:27',
    });
    expect(ref.sha256).toBe(await sha256Hex(photo));
    const again = await storeAttachment(
      db,
      { name: 'IMG_0001.png', type: 'image/jpeg', bytes: photo },
      { keepOriginal: true },
    );
    expect(again.sha256).toBe(ref.sha256);
    expect(await db.blobs.count()).toBe(1);
  });

  it('stores an image as is where there is no canvas to shrink it (Node)', async () => {
    const db = await openDb();
    const photo = exifOnlyJpeg({ dateTimeOriginal: '2025:12:31 23:59:59' });
    const ref = await storeAttachment(db, { name: 'IMG_0002.jpg', type: 'image/jpeg', bytes: photo });
    expect(ref).toMatchObject({
      type: 'image/jpeg',
      size: photo.byteLength,
      takenAt: '2025-12-31T23:59:59',
      width: 0,
      height: 0,
    });
  });

  it('refuses a file over the size cap with a Chinese message and stores nothing', async () => {
    const db = await openDb();
    const huge = new Uint8Array(256 * 1024 * 1024);
    const attempt = storeAttachment(db, { name: '机房全景录像.mp4', type: 'video/mp4', bytes: huge });
    await expect(attempt).rejects.toBeInstanceOf(AttachmentError);
    await expect(attempt).rejects.toThrow('“机房全景录像.mp4”有 256 MB，超过了单个附件 200 MB 的上限');
    expect(() => checkAttachmentSize('a.iso', MAX_ATTACHMENT_BYTES + 1)).toThrow(AttachmentError);
    expect(() => checkAttachmentSize('a.iso', MAX_ATTACHMENT_BYTES)).not.toThrow();
    expect(await db.blobs.count()).toBe(0);
  });

  it('refuses an empty file', async () => {
    const db = await openDb();
    await expect(storeAttachment(db, { name: '空.txt', type: 'text/plain', bytes: new Uint8Array() })).rejects.toThrow(
      '“空.txt”是空文件',
    );
    expect(await db.blobs.count()).toBe(0);
  });

  it('gives a file without a usable type one from its name, and cleans path characters out of names', async () => {
    const db = await openDb();
    const ref = await storeAttachment(db, { name: 'logs/messages.log', type: '', bytes: report });
    expect(ref).toMatchObject({ name: 'logs_messages.log', type: 'text/plain' });
    const other = await storeAttachment(db, { name: 'dump.bin', type: 'not a type', bytes: new Uint8Array([1, 2, 3]) });
    expect(other.type).toBe('application/octet-stream');
  });
});

describe('loadAttachmentBlob', () => {
  it('reads local bytes, and answers null when this device lacks them and nobody is signed in', async () => {
    const db = await openDb();
    const ref = await storeAttachment(db, { name: 'a.txt', type: 'text/plain', bytes: report });
    const blob = await loadAttachmentBlob(db, ref, 'project-1', null);
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(report);
    expect(
      await loadAttachmentBlob(db, { sha256: 'a'.repeat(64), type: 'image/jpeg' }, 'project-1', () => null),
    ).toBeNull();
  });
});

describe('helpers', () => {
  it('turns EXIF date-times into local wall time and rejects blanks', () => {
    expect(exifDateTime('2024:05:06 14:30:00')).toBe('2024-05-06T14:30:00');
    expect(exifDateTime('0000:00:00 00:00:00')).toBe('');
    expect(exifDateTime('    :  :     :  :  ')).toBe('');
    expect(exifDateTime(undefined)).toBe('');
  });

  it('recognises image formats by their first bytes', () => {
    expect(sniffImageType(exifOnlyJpeg({ dateTimeOriginal: '2024:05:06 14:30:00' }))).toBe('image/jpeg');
    expect(sniffImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffImageType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(new TextEncoder().encode('\0\0\0\x18ftypheic\0\0\0\0'))).toBe('image/heic');
    expect(sniffImageType(report)).toBeNull();
  });

  it('formats sizes', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(1536)).toBe('1.5 KB');
    expect(formatFileSize(MAX_ATTACHMENT_BYTES)).toBe('200 MB');
  });
});
