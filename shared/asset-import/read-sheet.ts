/**
 * A spreadsheet file (.xlsx, or .csv/.txt/.tsv) to a plain grid of strings, the one shape the
 * rest of the importer works on. Row and column indexes are 0-based and map 1:1 onto the sheet:
 * grid row i is the row Excel numbers i + 1, so errors can quote the number the user sees.
 */
import * as PapaNamespace from 'papaparse';
import { cellText } from './cell-text';
import { loadExcelJs } from './exceljs-module';
import { decodeText, type TextEncodingName } from './text-decode';

/** A merged range, 0-based and inclusive, as in the grid. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  /** rows[r][c]; every row has the same length; '' for an empty cell. */
  rows: string[][];
  /** Merged ranges. Every cell of a range already holds the value of its top-left cell. */
  merges: CellRange[];
  /** Worksheets of the workbook, in tab order, so the user can pick another one ([] for CSV). */
  sheetNames: string[];
  /** Index into sheetNames of the sheet read (0 for CSV). */
  sheetIndex: number;
  /** For CSV: the encoding detected. */
  encoding?: TextEncodingName;
}

export interface ReadSpreadsheetOptions {
  /** Which worksheet of an .xlsx to read; by default the first visible one with any content. */
  sheetIndex?: number;
}

/** Why a file could not be read: the renderer shows the code in the UI language, the message is Chinese. */
export type SpreadsheetReadErrorCode =
  'notXlsx' | 'legacyXls' | 'protectedOrLegacy' | 'notText' | 'unsupportedType' | 'noSuchSheet';

const readErrorMessages: Record<SpreadsheetReadErrorCode, (params: Record<string, string | number>) => string> = {
  notXlsx: () => '文件不是有效的 Excel 工作簿（.xlsx），请在 Excel/WPS 中另存为 .xlsx 后重试',
  legacyXls: () => '不支持旧版 .xls / .et 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再导入',
  protectedOrLegacy: () => '文件是旧版 .xls 格式或设置了打开密码，请在 Excel/WPS 中取消密码并另存为 .xlsx 后重试',
  notText: (p) => `文件「${p.fileName}」不是文本格式的 CSV，请在 Excel/WPS 中另存为 .xlsx 或 CSV 后重试`,
  unsupportedType: (p) => `不支持的文件类型: ${p.fileName}（请使用 .xlsx 或 .csv）`,
  noSuchSheet: (p) => `没有第 ${p.sheet} 个工作表（共 ${p.count} 个）`,
};

/**
 * A file the importer cannot read. The message is Chinese and names no library: whatever exceljs
 * or its zip reader says ("Can't find end of central directory … see https://…") means nothing
 * to the user and is never passed on.
 */
export class SpreadsheetReadError extends Error {
  readonly code: SpreadsheetReadErrorCode;
  readonly params: Record<string, string | number>;
  constructor(code: SpreadsheetReadErrorCode, params: Record<string, string | number> = {}) {
    super(readErrorMessages[code](params));
    this.name = 'SpreadsheetReadError';
    this.code = code;
    this.params = params;
  }
}

// papaparse is UMD: Node's ESM loader exposes it as `default` only.
const Papa = (PapaNamespace as unknown as { default?: typeof PapaNamespace }).default ?? PapaNamespace;

export async function readSpreadsheet(
  bytes: Uint8Array,
  fileName: string,
  options: ReadSpreadsheetOptions = {},
): Promise<SheetGrid> {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  // What the bytes are decides before the name does: files get renamed.
  if (isZip(bytes)) return readXlsx(bytes, options);
  if (isOle(bytes)) {
    // An old .xls, or an .xlsx with an open password (Office encrypts it into the same container).
    throw new SpreadsheetReadError(extension === 'xls' || extension === 'et' ? 'legacyXls' : 'protectedOrLegacy');
  }
  if (extension === 'csv' || extension === 'txt' || extension === 'tsv') {
    if (looksBinary(bytes)) throw new SpreadsheetReadError('notText', { fileName });
    return readCsv(bytes);
  }
  if (extension === 'xlsx' || extension === 'xlsm') throw new SpreadsheetReadError('notXlsx');
  if (extension === 'xls' || extension === 'et') throw new SpreadsheetReadError('legacyXls');
  throw new SpreadsheetReadError('unsupportedType', { fileName });
}

/** .xlsx files are zip archives: "PK\x03\x04" (an empty archive: "PK\x05\x06"). */
function isZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
  );
}

/** OLE2 compound files: old .xls/.et, and password-protected .xlsx. */
function isOle(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

/**
 * Not text: a PDF, or NUL bytes in the first 4 kB where no UTF-16 byte order mark explains them
 * (UTF-16 text is full of NULs, every other encoding a CSV comes in has none).
 */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return true; // %PDF
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  return bytes.subarray(0, 4096).includes(0);
}

function readCsv(bytes: Uint8Array): SheetGrid {
  const { text, encoding } = decodeText(bytes);
  // The delimiter (, ; tab |) is guessed on the first non-blank lines: papaparse's guess counts
  // blank lines as one-field rows and then gives up. Blank lines are kept in the real parse so
  // grid row i stays line i + 1.
  const sniff = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: 'greedy',
    preview: 20,
    delimitersToGuess: [',', '\t', ';', '|'],
  });
  const delimiter = sniff.meta.delimiter || ',';
  const result = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter });
  return { rows: rectangular(result.data), merges: [], sheetNames: [], sheetIndex: 0, encoding };
}

async function readXlsx(bytes: Uint8Array, options: ReadSpreadsheetOptions): Promise<SheetGrid> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    // A truncated or damaged zip, or XML that is not a workbook's: the library's own words
    // (English, with a URL) are no help to the user.
    throw new SpreadsheetReadError('notXlsx');
  }
  const sheets = workbook.worksheets;
  // Excel cannot save a workbook without a sheet: a zip without one is some other file (.docx, .zip).
  if (sheets.length === 0) throw new SpreadsheetReadError('notXlsx');
  const sheetNames = sheets.map((sheet) => sheet.name);
  let sheetIndex = options.sheetIndex;
  if (sheetIndex !== undefined && (sheetIndex < 0 || sheetIndex >= sheets.length)) {
    throw new SpreadsheetReadError('noSuchSheet', { sheet: sheetIndex + 1, count: sheets.length });
  }
  sheetIndex ??= firstUsefulSheet(sheets);
  const sheet = sheets[sheetIndex]!;

  const rowCount = sheet.rowCount;
  const columnCount = sheet.columnCount;
  const rows: string[][] = [];
  // Merged ranges, collected from the cells themselves (keyed by the master cell's address).
  const merges = new Map<string, CellRange>();
  for (let r = 1; r <= rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= columnCount; c++) {
      const cell = row.getCell(c);
      // A merged cell reads as its range's top-left cell: a group title over several columns, or
      // one 机房 for several rows, then belongs to every row and column it visually covers.
      const source = cell.isMerged ? cell.master : cell;
      cells.push(cellText(source.value));
      if (cell.isMerged) {
        const range = merges.get(source.address);
        if (range) {
          range.bottom = Math.max(range.bottom, r - 1);
          range.right = Math.max(range.right, c - 1);
        } else {
          merges.set(source.address, { top: r - 1, left: c - 1, bottom: r - 1, right: c - 1 });
        }
      }
    }
    rows.push(cells);
  }
  return { rows: rectangular(rows), merges: [...merges.values()], sheetNames, sheetIndex };
}

function firstUsefulSheet(sheets: Array<{ state?: string; actualRowCount: number }>): number {
  const visible = sheets.findIndex(
    (sheet) => sheet.state !== 'hidden' && sheet.state !== 'veryHidden' && sheet.actualRowCount > 0,
  );
  if (visible >= 0) return visible;
  const any = sheets.findIndex((sheet) => sheet.actualRowCount > 0);
  return any >= 0 ? any : 0;
}

/** Same length for every row; trailing empty rows and columns cut off (leading ones kept for numbering). */
function rectangular(input: readonly (readonly unknown[])[]): string[][] {
  const rows = input.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))));
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell.trim() === '')) rows.pop();
  let width = 0;
  for (const row of rows) {
    for (let c = row.length - 1; c >= width; c--) {
      if (row[c]!.trim() !== '') {
        width = c + 1;
        break;
      }
    }
  }
  return rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
}
