/**
 * 判定: the verdict an answer earns on a checklist item, by the item's kind.
 *
 * Rules, in order:
 * 1. An explicit `answer.verdict` wins. 'na' (不适用) can always be chosen; 'pass'/'fail' is the
 *    engineer's own judgement (the answer of a passFail item, or an override of the automatic
 *    verdict on any other kind). Only put there what the engineer chose — a computed verdict
 *    stored there would freeze it when the value later changes.
 * 2. A value typed as "N/A", "NA", "不适用" or "不涉及" is 'na' too (unless the item offers that
 *    text as one of its options, where it is an ordinary choice).
 * 3. Otherwise by kind; null means "no verdict yet" (unanswered, unreadable, or nothing to
 *    judge against — the engineer decides):
 *    - passFail: a value of 合格/pass/通过/✓ or 不合格/fail/不通过/✗, else null.
 *    - number: within [min, max] (inclusive; a missing bound is open) → pass, else fail.
 *      "85%", "85 %", "８５％", "1,024 MB" read as numbers; 无限制/unlimited/never/从不 as +∞.
 *      No min and no max → null. Not a number (or NaN) → null.
 *    - text: `pattern` is a regular expression tested against the trimmed answer,
 *      case-insensitive (write "/…/" with flags, e.g. "/^No$/", to choose the flags yourself);
 *      without a pattern the answer must equal `expected`, ignoring case, full-width forms and
 *      runs of white space. Neither pattern nor expected → null. An invalid pattern → null.
 *    - choice: the chosen option is one of `acceptable` (compared like text) → pass, else fail.
 *      No acceptable options → null.
 *    - multiChoice: every chosen option is acceptable → pass; any chosen option that is not →
 *      fail. Nothing chosen is no answer (null) — offer an explicit "无" option where "none of
 *      these" is the good answer. A string answer is split at , ， 、 ; ； and line breaks.
 *    - photo: null. A photo is evidence; the engineer looking at it says 合格 or 不合格.
 */
import type { ItemKind, Verdict } from '../records/checklist';
import { foldForCompare, formatNumber, parseNumberText, toHalfWidth, withUnit } from './text';

export type AnswerValue = string | number | string[] | null;

export interface Answer {
  /** What was found: typed, picked, or filled from pasted command output. */
  value: AnswerValue;
  /** The engineer's explicit verdict: the answer of a passFail item, an override, or 'na'. */
  verdict?: Verdict | '' | null;
  /** How many evidence photos the answer has (evidence only: they never decide a verdict). */
  photos?: number;
}

/** The parts of a checklist item the verdict depends on (a ChecklistItem has all of them). */
export interface VerdictItem {
  kind: ItemKind;
  min?: number | null;
  max?: number | null;
  unit?: string;
  pattern?: string;
  expected?: string;
  options?: readonly string[];
  acceptable?: readonly string[];
}

const naTexts = new Set(['na', 'n/a', 'n.a.', 'n.a', '不适用', '不涉及']);
const passTexts = new Set(['pass', 'passed', 'ok', '合格', '通过', '✓', '√']);
const failTexts = new Set(['fail', 'failed', 'ng', '不合格', '不通过', '✗', '×', '✕']);
const unlimitedTexts = new Set(['无限制', '不限', 'unlimited', 'never', '从不', '永不', '永不过期', '无限']);

export function verdictFor(item: VerdictItem, answer: Answer | null | undefined): Verdict | null {
  if (!answer) return null;
  if (answer.verdict === 'na' || answer.verdict === 'pass' || answer.verdict === 'fail') return answer.verdict;
  const value = answer.value;
  if (typeof value === 'string' && naTexts.has(foldForCompare(value)) && !includesFolded(item.options ?? [], value))
    return 'na';
  return automaticVerdict(item, value);
}

/** The verdict from the value alone, ignoring any explicit verdict (what an override overrides). */
export function automaticVerdict(item: VerdictItem, value: AnswerValue): Verdict | null {
  switch (item.kind) {
    case 'passFail': {
      if (typeof value !== 'string') return null;
      const folded = foldForCompare(value);
      if (passTexts.has(folded)) return 'pass';
      if (failTexts.has(folded)) return 'fail';
      return null;
    }
    case 'number': {
      const n = answerNumber(value);
      if (n === null) return null;
      const min = finiteOrNull(item.min);
      const max = finiteOrNull(item.max);
      if (min === null && max === null) return null;
      return (min === null || n >= min) && (max === null || n <= max) ? 'pass' : 'fail';
    }
    case 'text': {
      const text = answerText(value);
      if (text === '') return null;
      const pattern = (item.pattern ?? '').trim();
      if (pattern) {
        const regex = compilePattern(pattern);
        if (!regex) return null;
        return regex.test(text) || regex.test(toHalfWidth(text)) ? 'pass' : 'fail';
      }
      const expected = (item.expected ?? '').trim();
      if (!expected) return null;
      return foldForCompare(text) === foldForCompare(expected) ? 'pass' : 'fail';
    }
    case 'choice': {
      const chosen = Array.isArray(value) ? (value.length === 1 ? value[0]! : '') : answerText(value);
      if (chosen.trim() === '' || !item.acceptable?.length) return null;
      return includesFolded(item.acceptable, chosen) ? 'pass' : 'fail';
    }
    case 'multiChoice': {
      const chosen = chosenOptions(value);
      if (chosen.length === 0 || !item.acceptable?.length) return null;
      return chosen.every((option) => includesFolded(item.acceptable!, option)) ? 'pass' : 'fail';
    }
    case 'photo':
    default:
      return null;
  }
}

/**
 * The number an answer holds, or null: numbers as they are (NaN and ±∞ → null), text as
 * parseNumberText reads it, and 无限制 / unlimited / never / 从不 as +∞ (so "密码最长使用期限:
 * 无限制" fails a "≤ 90 天" rule).
 */
export function answerNumber(value: AnswerValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  if (unlimitedTexts.has(foldForCompare(value))) return Number.POSITIVE_INFINITY;
  return parseNumberText(value);
}

/** The options chosen in a multiChoice answer, trimmed, empty ones dropped. */
export function chosenOptions(value: AnswerValue): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,，、;；\n]/) : [];
  return list.map((option) => option.trim()).filter(Boolean);
}

/**
 * A template's pattern as a RegExp: "/body/flags" with the flags given, anything else
 * case-insensitive. null when it does not compile.
 */
export function compilePattern(pattern: string): RegExp | null {
  const literal = /^\/(.+)\/([dgimsuvy]*)$/s.exec(pattern);
  try {
    // 'g' and 'y' make test() stateful; they are dropped.
    if (literal) return new RegExp(literal[1]!, literal[2]!.replace(/[gy]/g, ''));
    return new RegExp(pattern, 'i');
  } catch {
    return null;
  }
}

/**
 * The threshold of a number item for the UI: "≤ 80%", "≥ 8 位", "8 – 90 天", "" when it has
 * neither bound.
 */
export function describeThreshold(item: Pick<VerdictItem, 'min' | 'max' | 'unit'>): string {
  const unit = item.unit ?? '';
  const min = finiteOrNull(item.min);
  const max = finiteOrNull(item.max);
  if (min !== null && max !== null)
    return min === max
      ? `= ${withUnit(formatNumber(min), unit)}`
      : `${formatNumber(min)} – ${withUnit(formatNumber(max), unit)}`;
  if (max !== null) return `≤ ${withUnit(formatNumber(max), unit)}`;
  if (min !== null) return `≥ ${withUnit(formatNumber(min), unit)}`;
  return '';
}

/**
 * What passes, in one line for a table column (期望结果): the item's `expected` text when it
 * has one, else a description from its rule — the threshold ("≤ 80%"), "匹配 ^no$",
 * "合格选项：…", "需拍照留证".
 */
export function describeExpectation(item: VerdictItem): string {
  const expected = item.expected?.trim() ?? '';
  switch (item.kind) {
    case 'number':
      return expected || describeThreshold(item);
    case 'text':
      return expected || (item.pattern?.trim() ? `匹配 ${item.pattern.trim()}` : '');
    case 'choice':
    case 'multiChoice':
      return expected || (item.acceptable?.length ? `合格选项：${item.acceptable.join('、')}` : '');
    case 'photo':
      return expected || '需拍照留证';
    default:
      return expected;
  }
}

function answerText(value: AnswerValue): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('\n').trim();
  return String(value).trim();
}

function includesFolded(list: readonly string[], value: string): boolean {
  const folded = foldForCompare(value);
  return list.some((entry) => foldForCompare(entry) === folded);
}

function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
