/**
 * One spreadsheet cell value as the text a person sees in Excel. exceljs hands out numbers,
 * dates, rich text, hyperlinks, formulas and errors as different shapes; the importer only
 * wants text, and must not invent float junk ("0.30000000000000004") or time zones.
 */

/** The shapes exceljs uses for CellValue, declared locally so this module needs no exceljs import. */
type ExcelCellValue =
  | null
  | undefined
  | string
  | number
  | boolean
  | Date
  | { richText: Array<{ text: string }> }
  | { text: unknown; hyperlink?: string }
  | { formula?: string; sharedFormula?: string; result?: unknown }
  | { error: string }
  | { [key: string]: unknown };

export function cellText(value: unknown): string {
  const v = value as ExcelCellValue;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateText(v);
  if (typeof v !== 'object') return String(v);
  if (Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as { richText: Array<{ text?: unknown }> }).richText.map((run) => String(run.text ?? '')).join('');
  }
  // A hyperlink shows its text (which may itself be rich text), never the URL behind it.
  if ('hyperlink' in v || ('text' in v && !('formula' in v) && !('sharedFormula' in v))) {
    return cellText((v as { text?: unknown }).text);
  }
  // A formula shows its last computed result, as Excel saved it.
  if ('formula' in v || 'sharedFormula' in v || 'result' in v) return cellText((v as { result?: unknown }).result);
  // #N/A, #REF! and friends carry no data worth importing.
  if ('error' in v) return '';
  return '';
}

/** Integers in full (serial numbers typed as numbers), fractions rounded to Excel's 15 digits. */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) {
    return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
  }
  return String(Number.parseFloat(value.toPrecision(15)));
}

/**
 * exceljs turns an Excel date serial into a Date at that wall-clock time in UTC, so the UTC
 * parts are the date the user typed, whatever time zone this runs in.
 */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const hasTime = date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0 || date.getUTCSeconds() !== 0;
  return hasTime ? `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}` : day;
}
