/**
 * Sizes as Word measures them. docx takes font sizes in half-points, lengths in twips
 * (1/20 pt, 1/1440 inch) and pictures in pixels at 96 per inch.
 */

/** Chinese font size names (字号) in points, as every Chinese style guide states them. */
export const chineseFontSizes = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
  小五: 9,
  六号: 7.5,
} as const;
export type ChineseFontSize = keyof typeof chineseFontSizes;

/** A Chinese font size as docx wants it (half-points): fontSize('小四') = 24. */
export function fontSize(name: ChineseFontSize): number {
  return Math.round(chineseFontSizes[name] * 2);
}

export const TWIPS_PER_CM = 1440 / 2.54;

export function cm(value: number): number {
  return Math.round(value * TWIPS_PER_CM);
}

export function twipsToPixels(twips: number): number {
  return (twips / 1440) * 96;
}

/** A4 in twips (210 × 297 mm). */
export const A4 = { width: 11906, height: 16838 } as const;

export interface PageMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Word's default for A4 in Chinese editions: 2.54 cm top and bottom, 3.17 cm left and right. */
export const defaultMargins: PageMargins = { top: cm(2.54), bottom: cm(2.54), left: cm(3.17), right: cm(3.17) };

/** The geometry every part of a document is laid out in. */
export interface PageGeometry {
  margins: PageMargins;
  /** Width of the text column in twips. */
  textWidth: number;
  /** Height of the text area in twips. */
  textHeight: number;
}

export function pageGeometry(margins: PageMargins = defaultMargins): PageGeometry {
  return {
    margins,
    textWidth: A4.width - margins.left - margins.right,
    textHeight: A4.height - margins.top - margins.bottom,
  };
}
