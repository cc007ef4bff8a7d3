/**
 * Files for demo records, made in code so the demo needs no binary assets: palette PNGs (a
 * drawn signature, a terminal screenshot, a device front panel), a one-page PDF, and a
 * synchronous SHA-256 for their attachment hashes. Runtime-neutral: no zlib, no WebCrypto.
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
    for (let j = Math.max(0, Math.floor(y)); j < Math.min(this.height, Math.floor(y + h)); j++) this.pixels.fill(colour, j * this.width + x0, j * this.width + x1);
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
        for (let dy = -radius; dy <= radius; dy++) for (let dx = -radius; dx <= radius; dx++) if (dx * dx + dy * dy <= radius * radius) this.set(x + dx, y + dy, colour);
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

const lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
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
  result.set([checksum >>> 24, (checksum >>> 16) & 0xff, (checksum >>> 8) & 0xff, checksum & 0xff], deflated.length + 2);
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

// --- Pictures ------------------------------------------------------------------------------

/** mulberry32, as the demo project uses. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A handwritten signature: a few cursive strokes in blue-black ink on a transparent background,
 * different for each seed, as a signing pad would capture it (300 × 110).
 */
export function signaturePng(seed = 1): Uint8Array {
  const random = seededRandom(seed);
  const image = new IndexedImage(300, 110, [
    [255, 255, 255, 0],
    [22, 32, 84, 255],
  ]);
  // A capital: a tall stroke with a loop at its foot.
  const capital: Array<[number, number]> = [];
  for (let t = 0; t <= 1.0001; t += 0.01) capital.push([34 + 16 * Math.sin(t * Math.PI * 2) * (1 - t) + t * 10, 20 + 66 * t - 18 * Math.sin(t * Math.PI * 2) * t]);
  image.stroke(capital, 2, 1);
  // The rest of the name in one cursive line: a slanted coil whose loops vary in height.
  const loops = 5 + Math.floor(random() * 3);
  const phases = Array.from({ length: loops + 1 }, () => 0.7 + random() * 0.6);
  const line: Array<[number, number]> = [];
  for (let t = 0; t <= 1.0001; t += 0.002) {
    const turn = t * loops;
    const height = phases[Math.floor(turn)]!;
    const x = 52 + t * 200 + 11 * Math.sin(turn * Math.PI * 2);
    const y = 66 - 22 * height * (0.5 - 0.5 * Math.cos(turn * Math.PI * 2)) - 6 * Math.sin(t * Math.PI);
    line.push([x, y]);
  }
  image.stroke(line, 2, 1);
  // The flourish under the name.
  const sweep: Array<[number, number]> = [];
  for (let t = 0; t <= 1.0001; t += 0.01) sweep.push([40 + t * 236, 92 - 12 * Math.sin(t * Math.PI) + t * 6]);
  image.stroke(sweep, 1, 1);
  return encodePng(image);
}

/**
 * A photo of a terminal (480 × 300): lines of "text" as light bars, the line with the finding
 * in orange — what an engineer photographs as evidence. Each seed gives other lines.
 */
export function terminalPng(seed = 1): Uint8Array {
  const random = seededRandom(seed);
  const image = new IndexedImage(480, 300, [
    [30, 30, 30, 255],
    [200, 200, 200, 255],
    [255, 153, 0, 255],
    [96, 200, 96, 255],
    [60, 60, 60, 255],
  ]);
  image.rect(0, 0, 480, 18, 4);
  for (const [i, colour] of [3, 2, 1].entries()) image.rect(10 + i * 14, 5, 8, 8, colour === 1 ? 4 : colour);
  const highlight = 4 + Math.floor(random() * 8);
  for (let line = 0; line < 15; line++) {
    const y = 28 + line * 17;
    image.rect(12, y, 8, 9, 3);
    let x = 28;
    const words = 2 + Math.floor(random() * 6);
    for (let w = 0; w < words && x < 450; w++) {
      const length = 18 + Math.floor(random() * 60);
      image.rect(x, y, Math.min(length, 466 - x), 9, line === highlight ? 2 : 1);
      x += length + 8;
    }
  }
  return encodePng(image);
}

/** The front panel of a device in a rack (400 × 240): bezel, drive bays, status lights. */
export function panelPng(seed = 1, alarm = false): Uint8Array {
  const random = seededRandom(seed);
  const shades: Rgba[] = Array.from({ length: 12 }, (_, i) => [70 + i * 8, 76 + i * 8, 86 + i * 8, 255]);
  const image = new IndexedImage(400, 240, [[18, 18, 22, 255], ...shades, [40, 200, 70, 255], [255, 140, 0, 255], [230, 230, 230, 255]]);
  const green = 13;
  const amber = 14;
  const label = 15;
  for (let y = 0; y < 240; y++) image.rect(0, y, 400, 1, 1 + Math.floor((y / 240) * 11));
  for (let unit = 0; unit < 3; unit++) {
    const top = 20 + unit * 72;
    image.rect(16, top, 368, 60, 0);
    for (let bay = 0; bay < 8; bay++) {
      image.rect(24 + bay * 44, top + 8, 38, 44, 4 + (bay % 2));
      image.rect(28 + bay * 44, top + 12, 6, 4, alarm && unit === 1 && bay === 5 ? amber : green);
    }
    image.rect(24, top + 52, 60, 6, label);
    if (random() < 0.5) image.rect(340, top + 20, 8, 8, green);
  }
  return encodePng(image);
}

// --- PDF -------------------------------------------------------------------------------------

/** A one-page PDF whose page shows the title (ASCII) — a stand-in for training slides. */
export function minimalPdf(title: string): Uint8Array {
  const text = title.replace(/[^\x20-\x7e]/g, '?').replace(/([()\\])/g, '\\$1');
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

// --- SHA-256 -----------------------------------------------------------------------------------

const K = Uint32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
  0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
  0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
  0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 as lowercase hex, synchronously (the demo builds its attachments in one pure call). */
export function sha256HexSync(bytes: Uint8Array): string {
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = Uint32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15]!, 7) ^ rotr(w[i - 15]!, 18) ^ (w[i - 15]! >>> 3);
      const s1 = rotr(w[i - 2]!, 17) ^ rotr(w[i - 2]!, 19) ^ (w[i - 2]! >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
    h[5] = (h[5]! + f) >>> 0;
    h[6] = (h[6]! + g) >>> 0;
    h[7] = (h[7]! + hh) >>> 0;
  }
  return [...h].map((x) => x.toString(16).padStart(8, '0')).join('');
}
