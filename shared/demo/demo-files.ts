/**
 * Files for demo records, made in code so the demo needs no binary assets: palette PNGs (a
 * drawn signature, a terminal screenshot, a device front panel), a one-page PDF, and a
 * synchronous SHA-256 for their attachment hashes. Runtime-neutral: no zlib, no WebCrypto.
 */

import { encodePng, IndexedImage, type Rgba } from '../png';
import { seededRandom } from './seeded-random';

export { seededRandom };

export { encodePng, IndexedImage, type Rgba } from '../png';

// --- Pictures ------------------------------------------------------------------------------

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
  for (let t = 0; t <= 1.0001; t += 0.01)
    capital.push([
      34 + 16 * Math.sin(t * Math.PI * 2) * (1 - t) + t * 10,
      20 + 66 * t - 18 * Math.sin(t * Math.PI * 2) * t,
    ]);
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

/** The front panel of a device in a rack (400 × 240): bezel, drive bays, status lights. */
export function panelPng(seed = 1, alarm = false): Uint8Array {
  const random = seededRandom(seed);
  const shades: Rgba[] = Array.from({ length: 12 }, (_, i) => [70 + i * 8, 76 + i * 8, 86 + i * 8, 255]);
  const image = new IndexedImage(400, 240, [
    [18, 18, 22, 255],
    ...shades,
    [40, 200, 70, 255],
    [255, 140, 0, 255],
    [230, 230, 230, 255],
  ]);
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
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
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
  const h = Uint32Array.from([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
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
