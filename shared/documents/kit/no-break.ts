/**
 * U+2011 NON-BREAKING HYPHEN: printed as "-" by Word, WPS and LibreOffice (which draws it with
 * the hyphen's glyph even where the font has none), but never a place to break a line.
 */
export const NON_BREAKING_HYPHEN = '\u2011';

/**
 * A date that follows other words in a table cell or a body line ("复查 刘洋 2026-02-11", "以
 * 2026-04-01 为准") with non-breaking hyphens. Columns are as wide as their longest word (column-fit.ts), so a date
 * fits on a line of its own; but LibreOffice and Word prefer to break at a hyphen when the date
 * does not fit after the words before it, printing "2026-02-" and "11" on two lines. A date at the
 * start of a line already has the line to itself and keeps its plain hyphens (it is found as typed).
 */
export function keepDatesWhole(line: string): string {
  return line.replace(
    /(\d{4})-(\d{2})-(\d{2})/g,
    (date: string, year: string, month: string, day: string, offset: number) =>
      offset === 0
        ? date
        : OPENING_BRACKETS.includes(line[offset - 1]!)
          ? [year, month, day].join(JOINED_HYPHEN)
          : `${year}${NON_BREAKING_HYPHEN}${month}${NON_BREAKING_HYPHEN}${day}`,
  );
}

/**
 * U+2060 WORD JOINER: nothing printed, and no line break on either side of it. A date in
 * brackets glued to words before it (《巡检日志（2026-03-31）》, a document's title in the 交接文档's
 * 交付文档清单) is joined this way instead of with non-breaking hyphens: LibreOffice (7.4) did not
 * break such a title before its "（" when it did not fit the column, but cut it where the line
 * ran out, between the date's digits (《巡检日志（2026-0 / 3-31）》). With word joiners around plain
 * hyphens it breaks before the bracket and prints the date whole on the next line.
 */
export const WORD_JOINER = '\u2060';
const JOINED_HYPHEN = `${WORD_JOINER}-${WORD_JOINER}`;
const OPENING_BRACKETS = '（(〔［[【';
