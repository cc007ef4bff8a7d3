/**
 * The one order for names in lists: Chinese by pinyin, numbers inside names by their value
 * ("机柜 9" before "机柜 10", "26" before "141"), case and width ignored.
 */
const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

export function naturalCompare(a: string | null | undefined, b: string | null | undefined): number {
  return collator.compare(a ?? '', b ?? '');
}
