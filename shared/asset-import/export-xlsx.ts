/**
 * 运维对象清单 as an .xlsx for the customer or a colleague, laid out so that it comes back
 * through the importer unchanged: the headers are the field labels (which the header guess
 * knows exactly), 类型 and 重要程度 are written as their Chinese labels, lists are joined with
 * ", " (which splitIps/splitTags split again), and every cell is text so Excel does not turn a
 * serial number into 1.23E+15.
 */
import { assetFields, assetTypes, criticalities, type AssetFields } from '../records/asset';
import { fieldLabel } from '../records/fields';
import { loadExcelJs } from './exceljs-module';
import { type AssetField, assetFieldNames } from './header-aliases';

export interface ExportAssetsOptions {
  /** Shown as a title row above the table: "<projectName> 运维对象清单". */
  projectName?: string;
  sheetName?: string;
}

export type ExportableAsset = Partial<AssetFields> & { deleted?: boolean };

/** Name first (what people look for), then the schema's order. */
export const exportColumns: AssetField[] = ['name', ...assetFieldNames.filter((field) => field !== 'name')];

export async function exportAssetsXlsx(
  assets: readonly ExportableAsset[],
  options: ExportAssetsOptions = {},
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fieldbook';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(safeSheetName(options.sheetName ?? '运维对象清单'));

  const headers = exportColumns.map((field) => fieldLabel(assetFields, field).zh);
  const rows = assets
    .filter((asset) => !asset.deleted)
    .map((asset) => exportColumns.map((field) => cellValue(field, asset)));

  // Column formats first: cells take their column's style when created, while setting it
  // afterwards restyles every existing cell one by one (seconds for a few thousand rows).
  exportColumns.forEach((field, i) => {
    const column = sheet.getColumn(i + 1);
    // The first rows are enough to size a column; measuring 10 000 notes would only cost time.
    const longest = rows
      .slice(0, 500)
      .reduce((max, values) => Math.max(max, displayWidth(longestLine(values[i]!))), displayWidth(headers[i]!));
    column.width = Math.min(Math.max(longest + 2, 8), field === 'notes' ? 60 : 40);
    // '@' = Text: a later edit in Excel keeps "0012" and long serial numbers as typed.
    column.numFmt = '@';
    if (field === 'notes') column.alignment = { wrapText: true, vertical: 'top' };
  });

  let headerRowNumber = 1;
  if (options.projectName) {
    sheet.addRow([`${options.projectName} 运维对象清单`]);
    sheet.mergeCells(1, 1, 1, exportColumns.length);
    const title = sheet.getRow(1);
    title.font = { bold: true, size: 14 };
    title.alignment = { horizontal: 'center', vertical: 'middle' };
    title.height = 24;
    headerRowNumber = 2;
  }
  const headerRow = sheet.addRow(headers);
  headerRow.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sheet.addRows(rows);

  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRowNumber }];
  sheet.autoFilter = {
    from: { row: headerRowNumber, column: 1 },
    to: { row: headerRowNumber, column: exportColumns.length },
  };

  const buffer = (await workbook.xlsx.writeBuffer()) as unknown;
  return toUint8Array(buffer);
}

function cellValue(field: AssetField, asset: ExportableAsset): string {
  const value = asset[field];
  if (field === 'type') return assetTypes[(value as keyof typeof assetTypes) ?? 'server']?.zh ?? String(value ?? '');
  if (field === 'criticality')
    return criticalities[(value as keyof typeof criticalities) ?? 'medium']?.zh ?? String(value ?? '');
  if (Array.isArray(value)) return value.join(', ');
  return value === undefined || value === null ? '' : String(value);
}

/** Excel column width is in "characters" of the default font; a CJK character takes two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char)
      ? 2
      : 1;
  return width;
}

function longestLine(text: string): string {
  return text.split('\n').reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** Excel refuses sheet names over 31 characters or with : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
}

/**
 * writeBuffer gives a Node Buffer in Node (often a view into a shared pool), a Buffer polyfill or
 * an ArrayBuffer in the browser build: copied into a plain Uint8Array that owns its bytes.
 */
function toUint8Array(buffer: unknown): Uint8Array {
  if (buffer instanceof ArrayBuffer) return new Uint8Array(buffer.slice(0));
  if (ArrayBuffer.isView(buffer))
    return new Uint8Array(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  throw new Error('exceljs 返回了无法识别的数据');
}
