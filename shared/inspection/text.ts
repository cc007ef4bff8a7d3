/**
 * Small text helpers shared by the verdict rules, the output parsers and the spreadsheet
 * round trip. Chinese input methods type full-width digits and punctuation (８５％, ：, （）)
 * as readily as ASCII, so everything that reads what a person typed or pasted folds them first.
 */

/** Full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space as plain ASCII; − as -. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\u2212/g, '-');
}

/** For comparing answers: half-width, lower case, runs of white space as one space, trimmed. */
export function foldForCompare(text: string): string {
  return toHalfWidth(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

const plainNumber = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)\s*(\D*)$/;

/**
 * A number as a person writes it: "85", "85%", "85 %", "８５％", "1,024 MB", "-0.5 秒", ".5".
 * What follows the number must contain no digit (a unit, a percent sign); anything else —
 * "1,5", "85/100", "约 85", "" — is not a number (null). Thousands separators need groups of 3.
 */
export function parseNumberText(input: string): number | null {
  const match = plainNumber.exec(toHalfWidth(input).trim());
  if (!match) return null;
  const value = Number(match[1]!.replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}

/** A number for display: integers as they are, fractions to at most 2 decimals, no float junk. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Math.round(value * 100) / 100);
}

/**
 * A number and its unit as documents and screens write them: "92%" (no space before a percent
 * sign, as Chinese documents print it), "41 ℃", "8 位", "3" (a space before any other unit).
 * The house style of the deliverables (shared/documents/house-style.ts) checks for this form.
 */
export function withUnit(number: string, unit: string): string {
  const u = unit.trim();
  if (!u) return number;
  return u === '%' || u === '％' ? `${number}%` : `${number} ${u}`;
}

/** Rounded to one decimal (percentages computed by the parsers). */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
