import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../../playwright.config';
import type { ChartLayout } from '../../../shared/documents/kit/line-chart';

/** An image as one luminance byte per pixel (0 black … 255 white), composited on white. */
export interface Grey {
  width: number;
  height: number;
  luma: Uint8Array;
}

/** Reads an 8-bit PNG (grey, RGB, palette, grey+alpha or RGBA; not interlaced), as browsers and resvg write them. */
export function decodePng(png: Uint8Array): Grey {
  const bytes = Buffer.from(png);
  if (bytes.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = 0;
  let palette: Buffer = Buffer.alloc(0);
  let alphas: Buffer = Buffer.alloc(0);
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colourType = body[9]!;
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') alphas = body;
    else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colourType];
  if (!channels) throw new Error(`colour type ${colourType}`);
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? rows[y * stride + x - channels]! : 0;
      const b = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels]! : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter]!;
      rows[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const luma = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    let r: number, g: number, b: number, alpha: number;
    if (colourType === 3) {
      const index = rows[i]!;
      [r, g, b] = [palette[index * 3]!, palette[index * 3 + 1]!, palette[index * 3 + 2]!];
      alpha = index < alphas.length ? alphas[index]! : 255;
    } else if (colourType === 0 || colourType === 4) {
      r = g = b = rows[i * channels]!;
      alpha = colourType === 4 ? rows[i * channels + 1]! : 255;
    } else {
      [r, g, b] = [rows[i * channels]!, rows[i * channels + 1]!, rows[i * channels + 2]!];
      alpha = colourType === 6 ? rows[i * channels + 3]! : 255;
    }
    const grey = 0.299 * r + 0.587 * g + 0.114 * b;
    luma[i] = Math.round((grey * alpha + 255 * (255 - alpha)) / 255);
  }
  return { width, height, luma };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * The SVG as Chromium draws it, at `scale` device pixels per SVG pixel: the reference a PNG
 * fallback is compared with (a browser's SVG engine and its system fonts, fonts-noto-cjk here).
 */
export async function chromiumSvgPng(svg: string, width: number, height: number, scale: number): Promise<Uint8Array> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: scale, locale: 'zh-CN' });
    await page.setContent(
      `<!doctype html><html lang="zh-CN"><body style="margin:0;background:#fff">${svg}</body></html>`,
    );
    await page.evaluate(() => document.fonts.ready);
    return await page.screenshot({ clip: { x: 0, y: 0, width, height } });
  } finally {
    await browser.close();
  }
}

/** Dark enough to be a line or a glyph stroke: the grid (#E3E5E8) and anti-aliasing fringes are not. */
const INK = 190;

/**
 * How alike two drawings of a chart are where its words and numbers are: the F1 score of their
 * ink pixels outside the plot area (the y ticks and unit on the left, the dates below, the
 * threshold labels on the right), each ink pixel counting as matched when the other image has ink
 * within `tolerance` pixels (anti-aliasing and sub-pixel placement differ between renderers).
 * Inside the plot both draw the same lines; outside it only the text differs.
 */
export function labelSimilarity(a: Grey, b: Grey, layout: ChartLayout, scale: number, tolerance = 2): number {
  if (a.width !== b.width || a.height !== b.height)
    throw new Error(`sizes differ: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  const { left, top, right, bottom } = layout.plot;
  // The plot and its border lines (axes, ticks) are left out.
  const margin = 5;
  const inPlot = (x: number, y: number) =>
    x >= (left - margin) * scale &&
    x <= (right + margin) * scale &&
    y >= (top - margin) * scale &&
    y <= (bottom + margin) * scale;
  const matched = (from: Grey, to: Grey) => {
    let ink = 0;
    let found = 0;
    for (let y = 0; y < from.height; y++)
      for (let x = 0; x < from.width; x++) {
        if (inPlot(x, y) || from.luma[y * from.width + x]! >= INK) continue;
        ink++;
        search: for (let dy = -tolerance; dy <= tolerance; dy++)
          for (let dx = -tolerance; dx <= tolerance; dx++) {
            const xx = x + dx;
            const yy = y + dy;
            if (xx < 0 || yy < 0 || xx >= to.width || yy >= to.height) continue;
            if (to.luma[yy * to.width + xx]! < INK) {
              found++;
              break search;
            }
          }
      }
    return ink === 0 ? 0 : found / ink;
  };
  const precision = matched(a, b);
  const recall = matched(b, a);
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}
