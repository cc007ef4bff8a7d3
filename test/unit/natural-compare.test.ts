import { describe, expect, it } from 'vitest';
import { naturalCompare } from '../../shared/natural-compare';

describe('naturalCompare', () => {
  it('orders numbers in names by value, not as text', () => {
    expect(['141', '26', '3'].sort(naturalCompare)).toEqual(['3', '26', '141']);
    expect(['web-141', 'web-26', 'web-3'].sort(naturalCompare)).toEqual(['web-3', 'web-26', 'web-141']);
    expect(['机柜 10', '机柜 9'].sort(naturalCompare)).toEqual(['机柜 9', '机柜 10']);
  });

  it('ignores case and treats missing names as empty', () => {
    expect(naturalCompare('Web', 'web')).toBe(0);
    expect(naturalCompare(undefined, 'a')).toBeLessThan(0);
  });
});
