/**
 * Palette images drawn in code and encoded as PNG, runtime-neutral (no zlib, no canvas, no
 * DOM): the demo's pictures are made with it.
 */

export type Rgba = readonly [number, number, number, number];

/** An image of palette indices; colour 0 is the background. */
export class IndexedImage {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    readonly palette: Rgba[],
  ) {
    this.pixels = new Uint8Array(width * height);
  }

  set(x: number, y: number, colour: number): void {
    const px = Math.floor(x);
    const py = Math.floor(y);
    if (px < 0 || py < 0 || px >= this.width || py >= this.height) return;
    this.pixels[py * this.width + px] = colour;
  }

  rect(x: number, y: number, w: number, h: number, colour: number): void {
    const x0 = Math.max(0, Math.floor(x));
    const x1 = Math.min(this.width, Math.floor(x + w));
    for (let j = Math.max(0, Math.floor(y)); j < Math.min(this.height, Math.floor(y + h)); j++)
      this.pixels.fill(colour, j * this.width + x0, j * this.width + x1);
  }

  /** A round-tipped stroke through the points. */
  stroke(points: ReadonlyArray<readonly [number, number]>, radius: number, colour: number): void {
    for (let k = 1; k < points.length; k++) {
      const [x0, y0] = points[k - 1]!;
      const [x1, y1] = points[k]!;
      const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 2));
      for (let s = 0; s <= steps; s++) {
        const x = x0 + ((x1 - x0) * s) / steps;
        const y = y0 + ((y1 - y0) * s) / steps;
        for (let dy = -radius; dy <= radius; dy++)
          for (let dx = -radius; dx <= radius; dx++)
            if (dx * dx + dy * dy <= radius * radius) this.set(x + dx, y + dy, colour);
      }
    }
  }
}

// --- PNG -------------------------------------------------------------------------------------

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = crcTable[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]!) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** LSB-first bit writer, as deflate packs its bits. */
class BitWriter {
  private bytes: number[] = [];
  private current = 0;
  private count = 0;

  bits(value: number, length: number): void {
    for (let i = 0; i < length; i++) {
      this.current |= ((value >>> i) & 1) << this.count;
      if (++this.count === 8) this.flush();
    }
  }

  /** A Huffman code: its bits go most significant first. */
  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bits((value >>> i) & 1, 1);
  }

  private flush(): void {
    this.bytes.push(this.current);
    this.current = 0;
    this.count = 0;
  }

  finish(): Uint8Array {
    if (this.count > 0) this.flush();
    return Uint8Array.from(this.bytes);
  }
}

const lengthBase = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
];
const lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];

function literal(out: BitWriter, symbol: number): void {
  if (symbol < 144) out.code(0x30 + symbol, 8);
  else if (symbol < 256) out.code(0x190 + symbol - 144, 9);
  else if (symbol < 280) out.code(symbol - 256, 7);
  else out.code(0xc0 + symbol - 280, 8);
}

/**
 * zlib data with one fixed-Huffman deflate block whose only matches are runs (distance 1):
 * enough for drawn images, whose rows are mostly runs of one colour or, with PNG's Up filter,
 * of zeros.
 */
function zlibRuns(data: Uint8Array): Uint8Array {
  const out = new BitWriter();
  out.bits(1, 1); // final block
  out.bits(1, 2); // fixed Huffman codes
  let i = 0;
  while (i < data.length) {
    literal(out, data[i]!);
    let run = 0;
    while (run < 258 && i + 1 + run < data.length && data[i + 1 + run] === data[i]) run++;
    if (run >= 3) {
      let code = lengthBase.length - 1;
      while (lengthBase[code]! > run) code--;
      literal(out, 257 + code);
      out.bits(run - lengthBase[code]!, lengthExtra[code]!);
      out.code(0, 5); // distance code 0: distance 1
      i += 1 + run;
    } else i += 1;
  }
  literal(out, 256);
  const deflated = out.finish();
  const result = new Uint8Array(deflated.length + 6);
  result[0] = 0x78;
  result[1] = 0x01;
  result.set(deflated, 2);
  const checksum = adler32(data);
  result.set(
    [checksum >>> 24, (checksum >>> 16) & 0xff, (checksum >>> 8) & 0xff, checksum & 0xff],
    deflated.length + 2,
  );
  return result;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** The image as a PNG: 8-bit palette, transparency from the palette's alpha, rows with the Up filter. */
export function encodePng(image: IndexedImage): Uint8Array {
  const { width, height, pixels, palette } = image;
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 3, 0, 0, 0], 8);
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = y === 0 ? 0 : 2;
    for (let x = 0; x < width; x++) {
      const here = pixels[y * width + x]!;
      raw[y * (width + 1) + 1 + x] = y === 0 ? here : (here - pixels[(y - 1) * width + x]! + 256) & 0xff;
    }
  }
  const parts = [
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', Uint8Array.from(palette.flatMap(([r, g, b]) => [r, g, b]))),
    ...(palette.some((c) => c[3] < 255) ? [chunk('tRNS', Uint8Array.from(palette.map((c) => c[3])))] : []),
    chunk('IDAT', zlibRuns(raw)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}
