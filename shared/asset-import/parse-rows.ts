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
import { cleanCell, headerKey } from './normalise';
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
    }
  | { ok: false; rowNumber: number; reasons: string[] };

export interface SkippedRow {
  rowNumber: number;
  reason: 'blank' | 'header' | 'section';
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

export function parseAssetRows(grid: Pick<SheetGrid, 'rows'> & Partial<Pick<SheetGrid, 'merges'>>, options: ParseRowsOptions): ParsedAssetRows {
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
  for (let r = headerRowIndex + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r]!;
    const rowNumber = r + 1;
    const filled = mapped.filter(({ index }) => (cells[index] ?? '').trim() !== '');
    if (filled.length === 0) {
      skipped.push({ rowNumber, reason: 'blank' });
    } else if (filled.every(({ index }) => headerKeys[index]!.has(headerKey(cells[index]!)))) {
      // The header again: long lists are often pasted together from several sheets.
      skipped.push({ rowNumber, reason: 'header' });
    } else if (isSectionRow(grid.merges ?? [], r, filled.map(({ index }) => index))) {
      skipped.push({ rowNumber, reason: 'section' });
    } else {
      rows.push(parseRow(cells, rowNumber, mapped, headerOf));
    }
  }
  return { rows: markDuplicates(rows), fields, headers, skipped };
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
    else reasons.push(`请填写名称（${[...new Set(['name', 'hostname', 'ips'].map((f) => headerOf(f as AssetField)))].join('、')}都为空）`);
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
 * first IP. The first occurrence is imported; later ones are reported.
 */
function markDuplicates(rows: ParsedAssetRow[]): ParsedAssetRow[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    if (!row.ok) return row;
    const serial = row.values.serialNumber.trim().toLowerCase();
    const hostname = row.values.hostname.trim().toLowerCase();
    const firstIp = row.values.ips[0] ?? '';
    const key = serial ? `serial:${serial}` : hostname || firstIp ? `host:${hostname}|${firstIp}` : undefined;
    if (key === undefined) return row;
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, row.rowNumber);
      return row;
    }
    const why = serial ? '序列号相同' : '主机名和 IP 相同';
    return { ok: false, rowNumber: row.rowNumber, reasons: [`与第 ${earlier} 行重复（${why}）`] };
  });
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
