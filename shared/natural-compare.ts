/**
 * The one order for names in lists: Chinese by pinyin, numbers inside names by their value
 * ("机柜 9" before "机柜 10", "26" before "141"), case and width ignored.
 */
const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

export function naturalCompare(a: string | null | undefined, b: string | null | undefined): number {
  return collator.compare(a ?? '', b ?? '');
}

/** Digit runs up to this length sort by value in an index key; longer ones (rare) by text. */
const indexedDigits = 16;

/**
 * A string whose plain (code point) order is naturalCompare's order for numbers, case and
 * width, so an IndexedDB index can hold it: digit runs are zero-padded to one length. Chinese
 * sorts by code point here, not by pinyin (a collation key needs ICU, which the browser does not
 * expose); lists read from such an index are long inventories where the numbers matter.
 */
export function naturalSortKey(text: string | null | undefined): string {
  return (text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\d+/g, (run) => {
      const digits = run.replace(/^0+(?=\d)/, '');
      return digits.length > indexedDigits ? digits : digits.padStart(indexedDigits, '0');
    });
}
