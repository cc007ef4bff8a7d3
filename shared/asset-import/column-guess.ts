/**
 * Which row holds the headers, and which column is which asset field. Real asset lists have a
 * title row ("XX银行运维对象清单") above the header, sometimes a second header row under merged
 * group titles ("位置" over 机房/机柜/U位), and headers in any mix of Chinese and English. The
 * guess is only a proposal: the UI shows it, with the columns it could not place, for the user
 * to correct before anything is imported.
 */
import { type AliasMatch, type AssetField, matchHeader } from './header-aliases';
import type { SheetGrid } from './read-sheet';

/** mapping[columnIndex] = the field that column fills, or null to ignore the column. */
export type ColumnMapping = ReadonlyArray<AssetField | null>;

export interface GuessedColumn {
  index: number;
  /** The header as the sheet shows it ("位置/机房" under a group title); '' when blank. */
  header: string;
  field: AssetField | null;
  /** How sure the guess is: 100 exact alias, 60 header containing an alias, 0 none. */
  score: number;
}

export interface ColumnGuess {
  /** 0-based grid row of the (last) header row; data starts on the row after it. */
  headerRowIndex: number;
  /** 2 when a row of group titles above the header row was used as well. */
  headerRowCount: 1 | 2;
  columns: GuessedColumn[];
  mapping: Array<AssetField | null>;
  /** Columns that have a header but no field: for the user to map by hand or leave ignored. */
  unmapped: GuessedColumn[];
}

/** Only the first rows are searched: a header below row 15 is not a header. */
const HEADER_SEARCH_ROWS = 15;

export function guessColumns(grid: Pick<SheetGrid, 'rows'>): ColumnGuess {
  const rows = grid.rows;
  let best: { guess: ColumnGuess; mapped: number; total: number } | undefined;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    for (const count of [1, 2] as const) {
      if (count === 2 && (r === 0 || !isGroupRow(rows[r - 1]!))) continue;
      const guess = guessColumnsAt(grid, r, count);
      const mapped = guess.columns.filter((column) => column.field !== null).length;
      const total = guess.columns.reduce((sum, column) => sum + column.score, 0);
      // Strictly better only: on a tie the single row, and the earlier row, win.
      if (!best || mapped > best.mapped || (mapped === best.mapped && total > best.total))
        best = { guess, mapped, total };
    }
  }
  if (best && best.mapped > 0) return best.guess;
  // Nothing looks like a header: propose the first non-empty row and let the user map by hand.
  const first = rows.findIndex((row) => row.some((cell) => cell.trim() !== ''));
  return guessColumnsAt(grid, Math.max(first, 0), 1);
}

/** The guess for a header row the user chose (or the one guessColumns found). */
export function guessColumnsAt(
  grid: Pick<SheetGrid, 'rows'>,
  headerRowIndex: number,
  headerRowCount: 1 | 2 = 1,
): ColumnGuess {
  const headers = columnHeaders(grid, headerRowIndex, headerRowCount);
  const candidates: Array<{ index: number; match: AliasMatch }> = [];
  const lowerRow = grid.rows[headerRowIndex] ?? [];
  if (!isTitleRow(lowerRow)) {
    headers.forEach((column, index) => {
      const match = matchColumn(column.texts);
      if (match) candidates.push({ index, match });
    });
  }
  // Each field goes to one column only: the best-scoring one, the leftmost on a tie.
  candidates.sort((a, b) => b.match.score - a.match.score || a.index - b.index);
  const mapping: Array<AssetField | null> = headers.map(() => null);
  const scores = headers.map(() => 0);
  const taken = new Set<AssetField>();
  for (const { index, match } of candidates) {
    if (taken.has(match.field)) continue;
    taken.add(match.field);
    mapping[index] = match.field;
    scores[index] = match.score;
  }
  const columns = headers.map((column, index) => ({
    index,
    header: column.header,
    field: mapping[index] ?? null,
    score: scores[index] ?? 0,
  }));
  return {
    headerRowIndex,
    headerRowCount,
    columns,
    mapping,
    unmapped: columns.filter((column) => column.field === null && column.header !== ''),
  };
}

export interface ColumnHeader {
  /** As shown to the user and quoted in error messages. */
  header: string;
  /** Every distinct header text of the column, top row first. */
  texts: string[];
}

/** The header text of every column, combining a group title row above when there is one. */
export function columnHeaders(
  grid: Pick<SheetGrid, 'rows'>,
  headerRowIndex: number,
  headerRowCount: 1 | 2 = 1,
): ColumnHeader[] {
  const width = grid.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const lower = grid.rows[headerRowIndex] ?? [];
  const upper = headerRowCount === 2 ? (grid.rows[headerRowIndex - 1] ?? []) : [];
  return Array.from({ length: width }, (_, c) => {
    const texts = [...new Set([upper[c] ?? '', lower[c] ?? ''].map((text) => text.trim()).filter(Boolean))];
    return { header: texts.join('/'), texts };
  });
}

/**
 * A column's field from its header texts. The lower (specific) text decides when it can; the
 * group title only helps when the lower text alone says nothing ("位置" + "U" → U 位).
 */
function matchColumn(texts: string[]): AliasMatch | undefined {
  const lower = texts[texts.length - 1];
  if (lower === undefined) return undefined;
  const own = matchHeader(lower);
  if (own || texts.length === 1) return own;
  const combined = matchHeader(texts.join(''));
  if (combined) return { ...combined, score: combined.score - 5 };
  const group = matchHeader(texts[0]!);
  return group ? { ...group, score: group.score - 10 } : undefined;
}

/** A title merged across the sheet shows the same text in every cell: it is not a header. */
function isTitleRow(row: readonly string[]): boolean {
  const filled = row.map((cell) => cell.trim()).filter(Boolean);
  return filled.length >= 2 && filled.every((cell) => cell === filled[0]);
}

/** A row that can be the group-title row above a header: not blank, not a sheet title. */
function isGroupRow(row: readonly string[]): boolean {
  return row.some((cell) => cell.trim() !== '') && !isTitleRow(row);
}
