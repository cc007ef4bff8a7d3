import { describeExpectation, fillFromText, verdictFor } from '../../../../shared/inspection';
import type { ChecklistItem, Verdict } from '../../../../shared/records/checklist';
import type { Attachment } from '../../../../shared/attachments';

/** The verdict an answer earns under the item's rule (null: not decidable yet). */
export function verdictOf(
  item: ChecklistItem,
  answer: { value: string | number | string[] | null; verdict?: Verdict | ''; photos: Attachment[] },
): Verdict | null {
  return verdictFor(item, { value: answer.value, verdict: answer.verdict, photos: answer.photos.length });
}

/** What passes, in words: "≤ 80 %", "匹配 ^no$" … */
export function describeRule(item: ChecklistItem): string {
  return describeExpectation(item);
}

export function formatAnswer(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('、');
  return String(value);
}

/** The items one paste of command output answers (the current item may take a bare value). */
export function recognisePaste(
  text: string,
  items: ChecklistItem[],
  targetItemId?: string,
): { parser: string; fills: Array<{ itemId: string; value: string | number }> } | null {
  const result = fillFromText(items, text, { targetItemId });
  if (result.fills.length === 0) return null;
  const parser = [...new Set(result.recognised.map((r) => r.parser))].join('、') || '输出';
  return { parser, fills: result.fills.map((fill) => ({ itemId: fill.itemId, value: fill.value })) };
}
