import { deflateSync } from 'node:zlib';

/**
 * Small real images made in Node for the document tests: an RGBA canvas with rectangle and
 * line drawing, encoded as PNG (zlib) or baseline JPEG (a minimal encoder: 4:4:4, the standard
 * Annex K tables). Enough to check that photos and signatures land in Word files and render.
 */
export class Canvas {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: [number, number, number, number] = [255, 255, 255, 255],
  ) {
    this.pixels = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) this.pixels.set(background, i * 4);
  }

  set(x: number, y: number, [r, g, b, a]: [number, number, number, number]): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    this.pixels.set([r, g, b, a], (Math.floor(y) * this.width + Math.floor(x)) * 4);
  }

  rect(x: number, y: number, w: number, h: number, color: [number, number, number, number]): void {
    for (let j = Math.max(0, y); j < Math.min(this.height, y + h); j++)
      for (let i = Math.max(0, x); i < Math.min(this.width, x + w); i++) this.set(i, j, color);
  }

  /** A vertical gradient between two colours. */
  gradient(top: [number, number, number], bottom: [number, number, number]): void {
    for (let y = 0; y < this.height; y++) {
      const t = y / Math.max(1, this.height - 1);
      const c = top.map((v, i) => Math.round(v + (bottom[i]! - v) * t)) as [number, number, number];
      this.rect(0, y, this.width, 1, [...c, 255]);
    }
  }

  /** A thick stroke through the points. */
  stroke(points: Array<[number, number]>, thickness: number, color: [number, number, number, number]): void {
    for (let k = 1; k < points.length; k++) {
      const [x0, y0] = points[k - 1]!;
      const [x1, y1] = points[k]!;
      const steps = Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 2);
      for (let s = 0; s <= steps; s++) {
        const x = x0 + ((x1 - x0) * s) / Math.max(1, steps);
        const y = y0 + ((y1 - y0) * s) / Math.max(1, steps);
        for (let dy = -thickness; dy <= thickness; dy++)
          for (let dx = -thickness; dx <= thickness; dx++)
            if (dx * dx + dy * dy <= thickness * thickness) this.set(x + dx, y + dy, color);
      }
    }
  }
}

/** A machine-room photo stand-in: racks with servers and status lights. */
export function rackPhoto(width: number, height: number, seed = 1): Canvas {
  const canvas = new Canvas(width, height);
  canvas.gradient([210, 218, 226], [120, 128, 138]);
  const racks = 3;
  const rackWidth = Math.floor(width / (racks + 1));
  for (let r = 0; r < racks; r++) {
    const x = Math.floor(rackWidth / 4 + r * (rackWidth + rackWidth / 4));
    canvas.rect(x, Math.floor(height * 0.08), rackWidth, Math.floor(height * 0.86), [35, 38, 44, 255]);
    const units = 10;
    for (let u = 0; u < units; u++) {
      const y = Math.floor(height * 0.12 + (u * height * 0.78) / units);
      canvas.rect(x + 6, y, rackWidth - 12, Math.floor((height * 0.78) / units) - 4, [70, 76, 86, 255]);
      const on = (u * 7 + r * 3 + seed) % 5;
      canvas.rect(x + rackWidth - 20, y + 4, 5, 5, on === 0 ? [230, 160, 20, 255] : [40, 200, 80, 255]);
    }
  }
  return canvas;
}

/** A handwritten-looking signature on a transparent background. */
export function signatureImage(width = 240, height = 96): Canvas {
  const canvas = new Canvas(width, height, [255, 255, 255, 0]);
  const points: Array<[number, number]> = [];
  for (let i = 0; i <= 60; i++) {
    const t = i / 60;
    points.push([10 + t * (width - 20), height / 2 + Math.sin(t * Math.PI * 5) * height * 0.25 * (1 - t * 0.5)]);
  }
  canvas.stroke(points, 2, [20, 30, 110, 255]);
  return canvas;
}

// --------------------------------------------------------------------------------------------
// PNG

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export function encodePng(canvas: Canvas): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, canvas.width);
  view.setUint32(4, canvas.height);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = new Uint8Array((canvas.width * 4 + 1) * canvas.height);
  for (let y = 0; y < canvas.height; y++)
    raw.set(canvas.pixels.subarray(y * canvas.width * 4, (y + 1) * canvas.width * 4), y * (canvas.width * 4 + 1) + 1);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ];
  return concat(parts);
}

// --------------------------------------------------------------------------------------------
// Baseline JPEG

const zigzag = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
  35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47,
  55, 62, 63,
];

const lumaQuant = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51,
  87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101,
  72, 92, 95, 98, 112, 100, 103, 99,
];
const chromaQuant = [
  17,
  18,
  24,
  47,
  99,
  99,
  99,
  99,
  18,
  21,
  26,
  66,
  99,
  99,
  99,
  99,
  24,
  26,
  56,
  99,
  99,
  99,
  99,
  99,
  47,
  66,
  99,
  99,
  99,
  99,
  99,
  99,
  ...Array<number>(32).fill(99),
];

const dcLumaBits = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const dcChromaBits = [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
const dcValues = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const acLumaBits = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d];
const acLumaValues = [
  0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07, 0x22, 0x71, 0x14,
  0x32, 0x81, 0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0, 0x24, 0x33, 0x62, 0x72, 0x82, 0x09,
  0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a,
  0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65,
  0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88,
  0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9,
  0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca,
  0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea,
  0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
];
const acChromaBits = [0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77];
const acChromaValues = [
  0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21, 0x31, 0x06, 0x12, 0x41, 0x51, 0x07, 0x61, 0x71, 0x13, 0x22, 0x32,
  0x81, 0x08, 0x14, 0x42, 0x91, 0xa1, 0xb1, 0xc1, 0x09, 0x23, 0x33, 0x52, 0xf0, 0x15, 0x62, 0x72, 0xd1, 0x0a, 0x16,
  0x24, 0x34, 0xe1, 0x25, 0xf1, 0x17, 0x18, 0x19, 0x1a, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x35, 0x36, 0x37, 0x38, 0x39,
  0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64,
  0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x82, 0x83, 0x84, 0x85, 0x86,
  0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
  0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8,
  0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9,
  0xea, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
];

type HuffmanCodes = Map<number, [code: number, length: number]>;

function huffmanCodes(bits: number[], values: number[]): HuffmanCodes {
  const codes: HuffmanCodes = new Map();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < bits[length - 1]!; i++) codes.set(values[k++]!, [code++, length]);
    code <<= 1;
  }
  return codes;
}

function scaledQuant(table: number[], quality: number): number[] {
  const scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
  return table.map((q) => Math.min(255, Math.max(1, Math.floor((q * scale + 50) / 100))));
}

class BitWriter {
  private readonly bytes: number[] = [];
  private buffer = 0;
  private count = 0;

  write(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.buffer = (this.buffer << 1) | ((code >> i) & 1);
      if (++this.count === 8) this.flushByte();
    }
  }

  private flushByte(): void {
    this.bytes.push(this.buffer);
    if (this.buffer === 0xff) this.bytes.push(0); // byte stuffing
    this.buffer = 0;
    this.count = 0;
  }

  finish(): number[] {
    if (this.count > 0) this.write((1 << (8 - this.count)) - 1, 8 - this.count); // pad with 1s
    return this.bytes;
  }
}

const cosines = Array.from({ length: 8 }, (_, x) =>
  Array.from({ length: 8 }, (_, u) => Math.cos(((2 * x + 1) * u * Math.PI) / 16)),
);

function forwardDct(block: number[]): number[] {
  const out = new Array<number>(64).fill(0);
  for (let v = 0; v < 8; v++) {
    for (let u = 0; u < 8; u++) {
      let sum = 0;
      for (let y = 0; y < 8; y++)
        for (let x = 0; x < 8; x++) sum += block[y * 8 + x]! * cosines[x]![u]! * cosines[y]![v]!;
      const cu = u === 0 ? Math.SQRT1_2 : 1;
      const cv = v === 0 ? Math.SQRT1_2 : 1;
      out[v * 8 + u] = 0.25 * cu * cv * sum;
    }
  }
  return out;
}

function magnitude(value: number): [category: number, bits: number] {
  const abs = Math.abs(value);
  let category = 0;
  while (abs >> category) category++;
  return [category, value >= 0 ? value : value + (1 << category) - 1];
}

export function encodeJpeg(canvas: Canvas, quality = 85): Uint8Array {
  const { width, height, pixels } = canvas;
  const quants = [scaledQuant(lumaQuant, quality), scaledQuant(chromaQuant, quality)];
  const dc = [huffmanCodes(dcLumaBits, dcValues), huffmanCodes(dcChromaBits, dcValues)];
  const ac = [huffmanCodes(acLumaBits, acLumaValues), huffmanCodes(acChromaBits, acChromaValues)];
  const writer = new BitWriter();
  const previousDc = [0, 0, 0];
  const emit = (codes: HuffmanCodes, symbol: number) => {
    const [code, length] = codes.get(symbol)!;
    writer.write(code, length);
  };

  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      const planes = [new Array<number>(64), new Array<number>(64), new Array<number>(64)];
      for (let y = 0; y < 8; y++) {
        for (let x = 0; x < 8; x++) {
          const px = Math.min(width - 1, bx + x);
          const py = Math.min(height - 1, by + y);
          const i = (py * width + px) * 4;
          const [r, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
          planes[0]![y * 8 + x] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
          planes[1]![y * 8 + x] = -0.168736 * r - 0.331264 * g + 0.5 * b;
          planes[2]![y * 8 + x] = 0.5 * r - 0.418688 * g - 0.081312 * b;
        }
      }
      for (let component = 0; component < 3; component++) {
        const table = component === 0 ? 0 : 1;
        const coefficients = forwardDct(planes[component]!);
        const quantised = zigzag.map((index) => Math.round(coefficients[index]! / quants[table]![index]!));
        const diff = quantised[0]! - previousDc[component]!;
        previousDc[component] = quantised[0]!;
        const [dcCategory, dcBits] = magnitude(diff);
        emit(dc[table]!, dcCategory);
        if (dcCategory) writer.write(dcBits, dcCategory);
        let zeros = 0;
        for (let k = 1; k < 64; k++) {
          const value = quantised[k]!;
          if (value === 0) {
            zeros++;
            continue;
          }
          while (zeros > 15) {
            emit(ac[table]!, 0xf0);
            zeros -= 16;
          }
          const [category, bits] = magnitude(value);
          emit(ac[table]!, (zeros << 4) | category);
          writer.write(bits, category);
          zeros = 0;
        }
        if (zeros > 0) emit(ac[table]!, 0x00);
      }
    }
  }

  const segment = (marker: number, data: number[]) => [
    0xff,
    marker,
    (data.length + 2) >> 8,
    (data.length + 2) & 0xff,
    ...data,
  ];
  const dqt = (id: number, table: number[]) => [id, ...zigzag.map((index) => table[index]!)];
  const dht = (cls: number, id: number, bits: number[], values: number[]) => [(cls << 4) | id, ...bits, ...values];
  const bytes = [
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [...dqt(0, quants[0]!), ...dqt(1, quants[1]!)]),
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1]),
    ...segment(0xc4, [
      ...dht(0, 0, dcLumaBits, dcValues),
      ...dht(1, 0, acLumaBits, acLumaValues),
      ...dht(0, 1, dcChromaBits, dcValues),
      ...dht(1, 1, acChromaBits, acChromaValues),
    ]),
    ...segment(0xda, [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]),
    ...writer.finish(),
    0xff,
    0xd9,
  ];
  return new Uint8Array(bytes);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
