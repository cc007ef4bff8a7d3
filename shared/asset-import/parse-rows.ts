/**
 * Data rows of the sheet to asset values, row by row, with the reasons a row cannot be imported
 * in Chinese and under the row number Excel shows, so the user can fix the sheet and try again.
 * Validation is the record schema's own (assetFields), as at the repository, so a row that
 * passes here is accepted there.
 */
import { assetFields, type AssetFields } from '../records/asset';
import { fieldLabel } from '../records/fields';
import { columnHeaders, type ColumnMapping } from './column-guess';
import { type AssetField, assetFieldNames } from './header-aliases';
import { cleanCell, headerKey, serialKey, toHalfWidth } from './normalise';
import type { SheetGrid } from './read-sheet';
import { parseAssetType, parseCriticality, splitIps, splitTags } from './value-parsers';

export interface ParseRowsOptions {
  /** 0-based grid row of the (last) header row, as in ColumnGuess. */
  headerRowIndex: number;
  headerRowCount?: 1 | 2;
  /** mapping[column] = field or null. Several columns may feed IP 地址 or 标签 (管理IP + 业务IP). */
  mapping: ColumnMapping;
}

export type ParsedAssetRow =
  | {
      ok: true;
      /** The row number Excel shows (1-based). */
      rowNumber: number;
      /** Every field of an asset, defaults applied: ready for a create. */
      values: AssetFields;
      /** Fields this row has a non-blank cell for: only these may change an existing asset. */
      supplied: AssetField[];
      /** Things done that the user may want to know, e.g. an unknown 类型 imported as 其他. */
      warnings: string[];
      /**
       * The same device as an earlier row of the file (same serial number, or without one the
       * same hostname and first IP): the preview asks whether to merge it into that row, import
       * it anyway or skip it (planAssetImport).
       */
      duplicateOf?: { rowNumber: number; by: 'serial' | 'hostIp' };
    }
  | { ok: false; rowNumber: number; reasons: string[] };

export interface SkippedRow {
  rowNumber: number;
  /** totals: a 合计/小计/Total row, or a row of nothing but numbers that sum a column above. */
  reason: 'blank' | 'header' | 'section' | 'totals';
}

export interface ParsedAssetRows {
  /** Data rows in sheet order (skipped rows left out). */
  rows: ParsedAssetRow[];
  /** The fields the mapping covers. */
  fields: AssetField[];
  /** The sheet's header of each mapped field, for messages and previews. */
  headers: Partial<Record<AssetField, string>>;
  skipped: SkippedRow[];
}

/** 名称 and 备注 are prose: their full-width punctuation (，：（）) is correct Chinese and is kept. */
const proseFields = new Set<AssetField>(['name', 'notes']);
const listFields = new Set<AssetField>(['ips', 'tags']);

export function parseAssetRows(
  grid: Pick<SheetGrid, 'rows'> & Partial<Pick<SheetGrid, 'merges'>>,
  options: ParseRowsOptions,
): ParsedAssetRows {
  const { headerRowIndex, mapping } = options;
  const columns = columnHeaders(grid, headerRowIndex, options.headerRowCount ?? 1);
  const mapped = mapping.flatMap((field, index) => (field ? [{ index, field }] : []));
  const fields = assetFieldNames.filter((field) => mapped.some((column) => column.field === field));
  const headers: Partial<Record<AssetField, string>> = {};
  for (const { index, field } of mapped) headers[field] ??= columns[index]?.header || fieldLabel(assetFields, field).zh;
  const headerKeys = columns.map((column) => new Set(column.texts.map(headerKey)));
  const headerOf = (field: AssetField) => headers[field] ?? fieldLabel(assetFields, field).zh;

  const rows: ParsedAssetRow[] = [];
  const skipped: SkippedRow[] = [];
  const sums = new ColumnSums();
  for (let r = headerRowIndex + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r]!;
    const rowNumber = r + 1;
    const filled = mapped.filter(({ index }) => (cells[index] ?? '').trim() !== '');
    if (isTotalsRow(cells, sums)) {
      // Checked first and over every column: 合计 often stands in the unmapped 序号 column.
      skipped.push({ rowNumber, reason: 'totals' });
      sums.endSegment();
    } else if (filled.length === 0) {
      skipped.push({ rowNumber, reason: 'blank' });
    } else if (filled.every(({ index }) => headerKeys[index]!.has(headerKey(cells[index]!)))) {
      // The header again: long lists are often pasted together from several sheets.
      skipped.push({ rowNumber, reason: 'header' });
    } else if (
      isSectionRow(
        grid.merges ?? [],
        r,
        filled.map(({ index }) => index),
      )
    ) {
      skipped.push({ rowNumber, reason: 'section' });
    } else {
      sums.add(cells);
      rows.push(parseRow(cells, rowNumber, mapped, headerOf));
    }
  }
  return { rows: markDuplicates(rows), fields, headers, skipped };
}

/**
 * 合计, 总计, 小计, 共计, 汇总, Total, Subtotal, Grand total — alone or with a count after it
 * ("合计：40 台", "Total (12)"). The cell must say nothing else: "汇总服务器" is a device.
 */
const totalsWord = /^(?:合计|总计|小计|共计|汇总|总数|累计|grand ?total|sub-? ?total|totals?)/i;
/** After the word, at most a count: "：40 台", " (12)", "共 40 台设备" (the cell is half-width by then). */
const countTail =
  /^:?\s*(?:\(?\s*(?:共\s*)?\d[\d,]*(?:\.\d+)?\s*(?:台|个|套|项|条|件|部|组|units?|items?|devices?)?(?:设备)?\s*\)?)?$/i;
/** A number as totals rows show them: "40", "1,234.5", "¥12,000", "40台", "共 40 台", "95%". */
const numberLike =
  /^(?:共\s*)?[-+]?[¥￥$]?\s*\d[\d,]*(?:\.\d+)?\s*(?:台|个|套|项|条|件|部|组|units?|items?|devices?|%)?(?:设备)?$/i;

export function isTotalsLabel(text: string): boolean {
  const cell = toHalfWidth(text)
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^([合总小共累]) (计)/, '$1$2');
  const word = totalsWord.exec(cell);
  return word !== null && countTail.test(cell.slice(word[0].length));
}

function numberValue(text: string): number | undefined {
  const cell = toHalfWidth(text).trim();
  if (!numberLike.test(cell)) return undefined;
  const value = Number(cell.replace(/[^\d.+-]/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

interface ColumnSum {
  sum: number;
  count: number;
  /** Every value so far was its own position (1, 2, 3 …): a 序号 column, whose next number is no total. */
  counter: boolean;
}

/** Per column, the sum of the numbers in the data rows so far, and since the last totals row. */
class ColumnSums {
  private readonly all = new Map<number, ColumnSum>();
  private segment = new Map<number, ColumnSum>();

  add(cells: readonly string[]): void {
    cells.forEach((cell, c) => {
      const value = numberValue(cell);
      if (value === undefined) return;
      for (const map of [this.all, this.segment]) {
        const entry = map.get(c) ?? { sum: 0, count: 0, counter: true };
        map.set(c, {
          sum: entry.sum + value,
          count: entry.count + 1,
          counter: entry.counter && value === entry.count + 1,
        });
      }
    });
  }

  endSegment(): void {
    this.segment = new Map();
  }

  /** The value is what the column above adds up to (over at least two numbers, and not the next 序号). */
  isSum(column: number, value: number): boolean {
    return [this.all, this.segment].some((map) => {
      const entry = map.get(column);
      if (entry === undefined || entry.count < 2 || (entry.counter && value === entry.count + 1)) return false;
      return Math.abs(entry.sum - value) <= 1e-9 * Math.max(1, Math.abs(value));
    });
  }
}

/**
 * A totals row: a 合计-style label with nothing but numbers beside it, or — without a label —
 * nothing but numbers, one of which is the sum of its column above.
 */
function isTotalsRow(cells: readonly string[], sums: ColumnSums): boolean {
  const filled = cells.map((cell, column) => ({ cell: cell.trim(), column })).filter(({ cell }) => cell !== '');
  if (filled.length === 0) return false;
  const labels = filled.filter(({ cell }) => isTotalsLabel(cell));
  const numbers = filled
    .filter(({ cell }) => !isTotalsLabel(cell))
    .map(({ cell, column }) => ({ value: numberValue(cell), column }));
  if (numbers.some(({ value }) => value === undefined)) return false;
  if (labels.length > 0) return true;
  return numbers.some(({ value, column }) => sums.isSum(column, value!));
}

/**
 * "一、服务器" merged across the table separates groups of rows: one horizontal merge holding
 * every filled cell of the row. (A 机房 merged down several rows is vertical and does not count.)
 */
function isSectionRow(merges: NonNullable<SheetGrid['merges']>, r: number, filledColumns: number[]): boolean {
  return merges.some(
    (m) => m.top <= r && r <= m.bottom && m.right > m.left && filledColumns.every((c) => m.left <= c && c <= m.right),
  );
}

function parseRow(
  cells: readonly string[],
  rowNumber: number,
  mapped: Array<{ index: number; field: AssetField }>,
  headerOf: (field: AssetField) => string,
): ParsedAssetRow {
  // Each field's non-blank cell texts, in column order.
  const texts = new Map<AssetField, string[]>();
  for (const { index, field } of mapped) {
    const text = cleanCell(cells[index], proseFields.has(field));
    if (text !== '') texts.set(field, [...(texts.get(field) ?? []), text]);
  }
  const supplied = assetFieldNames.filter((field) => texts.has(field));
  const reasons: string[] = [];
  const warnings: string[] = [];
  const candidate: Record<string, unknown> = {};
  for (const field of supplied) {
    const values = texts.get(field)!;
    const first = values[0]!;
    if (field === 'ips') candidate.ips = unique(values.flatMap(splitIps));
    else if (field === 'tags') candidate.tags = unique(values.flatMap(splitTags));
    else if (field === 'type') {
      const type = parseAssetType(first);
      candidate.type = type.value;
      if (!type.recognised) warnings.push(`${headerOf('type')}「${first}」无法识别，按「其他」导入`);
    } else if (field === 'criticality') {
      const criticality = parseCriticality(first);
      if (criticality) candidate.criticality = criticality;
      else reasons.push(`${headerOf('criticality')}: 无法识别「${first}」，请填写 高、中 或 低`);
    } else if (!listFields.has(field)) {
      // A field fed by several columns takes the first non-blank one.
      candidate[field] = first;
    }
  }
  // Many lists have no name column, or leave it blank: the hostname, else the first IP, names the asset.
  if (!candidate.name) {
    const fallback = (candidate.hostname as string | undefined) ?? (candidate.ips as string[] | undefined)?.[0];
    if (fallback) candidate.name = fallback;
    else
      reasons.push(
        `请填写名称（${[...new Set(['name', 'hostname', 'ips'].map((f) => headerOf(f as AssetField)))].join('、')}都为空）`,
      );
  }

  const parsed = assetFields.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '') as AssetField;
      if (field === 'name' && !candidate.name) continue; // already explained above
      const reason = issueReason(issue.message, fieldLabel(assetFields, field).zh, headerOf(field));
      if (!reasons.includes(reason)) reasons.push(reason);
    }
  }
  if (reasons.length > 0 || !parsed.success) return { ok: false, rowNumber, reasons };
  return { ok: true, rowNumber, values: parsed.data, supplied, warnings };
}

/**
 * The schema's message in the words of the user's sheet: "主机名不能超过 100 个字符" under a
 * 计算机名 column becomes "计算机名不能超过 100 个字符"; other messages get the header in front.
 */
function issueReason(message: string, label: string, header: string): string {
  if (message.includes(header)) return message;
  if (message.startsWith(label)) return header + message.slice(label.length);
  return `${header}: ${message}`;
}

/**
 * The same device twice in one file: same serial number, or (without one) same hostname and
 * first IP. Later occurrences point at the first one; the plan decides what happens to them.
 */
function markDuplicates(rows: ParsedAssetRow[]): ParsedAssetRow[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    if (!row.ok) return row;
    const serial = serialKey(row.values.serialNumber);
    const hostname = row.values.hostname.trim().toLowerCase();
    const firstIp = row.values.ips[0] ?? '';
    const key = serial ? `serial:${serial}` : hostname || firstIp ? `host:${hostname}|${firstIp}` : undefined;
    if (key === undefined) return row;
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, row.rowNumber);
      return row;
    }
    return { ...row, duplicateOf: { rowNumber: earlier, by: serial ? 'serial' : 'hostIp' } };
  });
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
