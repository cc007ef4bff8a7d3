/**
 * Column widths sized to what the columns hold. A table's columns are given relative widths;
 * a column too narrow for its longest unbreakable word (a date, an IP or e-mail address, an id,
 * a setting name such as PASS_MAX_DAYS) or for its header would have Word and LibreOffice break
 * that word inside — a date after its hyphen, a setting name letter by letter. Here each column
 * gets at least the width of its longest word, taken from the columns with room to spare.
 */

/**
 * Advance widths of Times New Roman (the tables' Latin font), in thousandths of an em, for the
 * printable ASCII characters from the space (32) to the tilde (126).
 */
const timesWidths = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889,
  722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500,
  444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480,
  200, 480, 541,
];

/** Bold Times New Roman is up to a tenth wider. */
const BOLD_FACTOR = 1.1;

/** Ideographs, kana, full-width forms and CJK punctuation: a line may break between any two of them. */
const wide = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/;

/** Width of a character in ems: TNR for ASCII, one em for CJK, a generous guess for the rest (≥, ×, –). */
function charEm(char: string): number {
  const code = char.codePointAt(0)!;
  if (code >= 32 && code <= 126) return timesWidths[code - 32]! / 1000;
  if (code === 0x2060) return 0; // a word joiner (no-break.ts) is not printed
  return wide.test(char) ? 1 : 0.6;
}

/** Width of a text in twips at a font size in half-points (docx's unit: 21 = 五号). */
export function textTwips(text: string, halfPoints: number, bold = false): number {
  let ems = 0;
  for (const char of text) ems += charEm(char);
  return Math.ceil(ems * halfPoints * 10 * (bold ? BOLD_FACTOR : 1));
}

/** Characters a line may break before or after (ideographs, kana, full-width forms, CJK punctuation). */
const breakable = '\\u2E80-\\u9FFF\\uAC00-\\uD7AF\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFFEF';
/** Opening brackets never end a line and closing ones never start one: they go with the word beside them. */
const opening = '（《「『【〔〈';
const closing = '）》」』】〕〉，。、；：！？';
const wordPattern = new RegExp(`[${opening}]*[^\\s${breakable}]+[${closing}]*`, 'gu');

/**
 * The words a line cannot break inside: runs of Latin letters, digits and punctuation between
 * spaces and CJK characters (Word and LibreOffice break between CJK characters, and after a
 * hyphen, which is why a date needs its whole width), with the brackets that hold on to them:
 * 《巡检日志（2026-03-31）》 cannot break between "（" and the date or the date and "）》".
 */
export function unbreakableWords(text: string): string[] {
  return [...text.matchAll(wordPattern)].map((match) => match[0]);
}

/**
 * The width a header needs: each of its lines (a title may set its own: '负责人\n期限') whole when
 * short (up to six characters: 序号, 检查项, 工期（天）), a longer one on two lines at most.
 */
function headerTwips(title: string, halfPoints: number): number {
  return Math.max(
    ...title.split('\n').map((line) => {
      const chars = [...line.replace(/\s+/g, '')];
      if (chars.length <= 6) return textTwips(chars.join(''), halfPoints, true);
      const half = Math.ceil(chars.length / 2);
      return Math.max(
        textTwips(chars.slice(0, half).join(''), halfPoints, true),
        textTwips(chars.slice(half).join(''), halfPoints, true),
      );
    }),
  );
}

/**
 * No column claims more than this share of the table for one word: a shell command or a long
 * path in a 检查方法 column may break (code wraps in any reader), and the other columns keep
 * room for their dates and ids.
 */
const MAX_WORD_SHARE = 0.3;

/** Left and right cell margins (80 twips each, table.ts) and a little room for rounding in the readers. */
const CELL_PADDING = 2 * 80 + 100;

export interface ColumnContent {
  title: string;
  /** The texts of the column's cells; cells spanning several columns are left out. */
  texts: string[];
}

/**
 * Words up to this many characters are kept whole: dates (10), IPv4 addresses (15), host names,
 * ids, setting names, most e-mail addresses. A longer one — a path, a shell command — breaks at
 * its slashes in any reader and is not worth starving the other columns for.
 */
const LONGEST_KEPT_WORD = 24;

/**
 * A line of a cell this short (characters, no space) is a word of its own even in Chinese: a
 * status (已完成, 进行中, 未开始), a verdict, a level. Broken, it reads as two words (已完/成).
 */
const SHORT_TERM = 4;

/** The least width (twips) a column needs so neither its header nor any word or short term in it breaks. */
export function minimumColumnTwips(column: ColumnContent, halfPoints: number): number {
  let widest = headerTwips(column.title, halfPoints);
  for (const text of column.texts) {
    for (const word of unbreakableWords(text))
      if (word.length <= LONGEST_KEPT_WORD) widest = Math.max(widest, textTwips(word, halfPoints));
    for (const line of text.split('\n')) {
      const term = line.trim();
      if (term && [...term].length <= SHORT_TERM && !/\s/.test(term))
        widest = Math.max(widest, textTwips(term, halfPoints, true)); // as if bold: a status may be (逾期)
    }
  }
  return widest + CELL_PADDING;
}

/**
 * Widths (twips, adding up to `total`) as near to the given ones as the columns' minimums allow:
 * a column below its minimum is widened to it, and what it takes comes from the other columns in
 * proportion to the room they have above their own minimums. When the minimums together exceed
 * the width, the widths are in proportion to the minimums (the best a too-narrow page allows).
 */
export function fitColumnWidths(widths: number[], minimums: number[], total: number): number[] {
  const needed = minimums.reduce((a, b) => a + b, 0);
  if (needed >= total)
    return roundTo(
      minimums.map((m) => (m / needed) * total),
      total,
    );
  const deficit = widths.reduce((sum, width, i) => sum + Math.max(0, minimums[i]! - width), 0);
  if (deficit === 0) return widths;
  const slack = widths.map((width, i) => Math.max(0, width - minimums[i]!));
  const slackSum = slack.reduce((a, b) => a + b, 0);
  const fitted = widths.map((width, i) =>
    width < minimums[i]! ? minimums[i]! : width - (deficit * slack[i]!) / slackSum,
  );
  return roundTo(fitted, total);
}

/** Whole twips adding up exactly to `total`, the last column taking the rounding. */
function roundTo(widths: number[], total: number): number[] {
  const rounded = widths.map((w) => Math.floor(w));
  rounded[rounded.length - 1]! += total - rounded.reduce((a, b) => a + b, 0);
  return rounded;
}

/** The texts of each column of a table's rows, for minimumColumnTwips; spanning cells are left out. */
export function columnTexts<T extends { text?: string; columnSpan?: number }>(
  columnCount: number,
  rows: ReadonlyArray<ReadonlyArray<string | T>>,
): string[][] {
  const texts: string[][] = Array.from({ length: columnCount }, () => []);
  for (const row of rows) {
    let column = 0;
    for (const cell of row) {
      const spec = typeof cell === 'string' ? { text: cell, columnSpan: 1 } : cell;
      const span = spec.columnSpan ?? 1;
      if (span === 1 && spec.text && column < columnCount) texts[column]!.push(spec.text);
      column += span;
    }
  }
  return texts;
}

/** A table's column widths in twips: the given relative widths, widened where a word or header would break. */
export function contentColumnWidths<T extends { text?: string; columnSpan?: number }>(
  columns: ReadonlyArray<{ title: string; width: number }>,
  rows: ReadonlyArray<ReadonlyArray<string | T>>,
  total: number,
  halfPoints: number,
): number[] {
  const sum = columns.reduce((a, c) => a + c.width, 0);
  const given = roundTo(
    columns.map((c) => (c.width / sum) * total),
    total,
  );
  const texts = columnTexts(columns.length, rows);
  const minimums = columns.map((column, i) =>
    Math.min(
      minimumColumnTwips({ title: column.title, texts: texts[i]! }, halfPoints),
      Math.round(total * MAX_WORD_SHARE),
    ),
  );
  return fitColumnWidths(given, minimums, total);
}
