import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { zhCN } from '../../renderer/i18n/zh-CN';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

describe('UI text', () => {
  const zh = leaves(zhCN as unknown as Tree);
  const english = leaves(en as unknown as Tree);

  it('has the same keys in Chinese and English', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of zh) expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('has no Chinese in the English text', () => {
    for (const [key, text] of english) expect(cjk.test(text), `${key}: ${text}`).toBe(false);
  });
});
