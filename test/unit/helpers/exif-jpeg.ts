/**
 * Test photos with EXIF: splices a minimal APP1 "Exif" segment (big-endian TIFF with IFD0 →
 * Exif IFD → DateTimeOriginal, and Orientation when given) into a JPEG right after its SOI
 * marker. Runs in Node; the JPEG itself may come from a browser canvas.
 */
export interface ExifFields {
  /** 'YYYY:MM:DD HH:MM:SS', as cameras write it. */
  dateTimeOriginal: string;
  /** 1–8; 6 means the camera was turned 90° clockwise. */
  orientation?: number;
}

export function withExif(jpeg: Uint8Array, fields: ExifFields): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  if (!/^\d{4}:\d{2}:\d{2} \d{2}:\d{2}:\d{2}$/.test(fields.dateTimeOriginal))
    throw new Error('EXIF dates look like 2024:05:06 14:30:00');
  const tiff = exifTiff(fields);
  const header = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"
  const length = 2 + header.length + tiff.length;
  const app1 = new Uint8Array(4 + header.length + tiff.length);
  app1.set([0xff, 0xe1, length >> 8, length & 0xff, ...header]);
  app1.set(tiff, 4 + header.length);
  const out = new Uint8Array(jpeg.length + app1.length);
  out.set(jpeg.subarray(0, 2));
  out.set(app1, 2);
  out.set(jpeg.subarray(2), 2 + app1.length);
  return out;
}

/** The smallest file exifr recognises as a JPEG with EXIF: SOI, APP1, EOI (no pixels). */
export function exifOnlyJpeg(fields: ExifFields): Uint8Array {
  return withExif(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), fields);
}

function exifTiff({ dateTimeOriginal, orientation }: ExifFields): Uint8Array {
  const ifd0Entries = orientation ? 2 : 1;
  const ifd0Size = 2 + 12 * ifd0Entries + 4;
  const exifIfdOffset = 8 + ifd0Size;
  const exifIfdSize = 2 + 12 + 4;
  const dateOffset = exifIfdOffset + exifIfdSize;
  const date = new TextEncoder().encode(`${dateTimeOriginal}\0`); // 20 bytes
  const bytes = new Uint8Array(dateOffset + date.length);
  const view = new DataView(bytes.buffer);
  bytes.set([0x4d, 0x4d]); // "MM": big-endian
  view.setUint16(2, 42);
  view.setUint32(4, 8);

  let at = 8;
  view.setUint16(at, ifd0Entries);
  at += 2;
  if (orientation) {
    entry(view, at, 0x0112, 3, 1); // Orientation, SHORT, value in the first two bytes
    view.setUint16(at + 8, orientation);
    at += 12;
  }
  entry(view, at, 0x8769, 4, 1); // ExifIFDPointer, LONG
  view.setUint32(at + 8, exifIfdOffset);
  at += 12;
  view.setUint32(at, 0); // no IFD1

  at = exifIfdOffset;
  view.setUint16(at, 1);
  entry(view, at + 2, 0x9003, 2, date.length); // DateTimeOriginal, ASCII
  view.setUint32(at + 2 + 8, dateOffset);
  view.setUint32(at + 2 + 12, 0);
  bytes.set(date, dateOffset);
  return bytes;
}

function entry(view: DataView, at: number, tag: number, type: number, count: number): void {
  view.setUint16(at, tag);
  view.setUint16(at + 2, type);
  view.setUint32(at + 4, count);
}
