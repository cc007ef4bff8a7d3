import type { Label } from '../records/fields';

/**
 * One condition a document needs, as 阶段准备情况 ticks it and 交付文档 counts it: a document's
 * `missing` is the lines of its checks, so the two pages read the same rules and cannot disagree.
 * A check that is not ok always has a line, its own or (when the whole record is absent) the
 * first check's, e.g. 可行性评估未填写 once rather than once per check.
 */
/** One thing a document still needs, in both UI languages; the Word document quotes the zh. */
export type Gap = Label;

export function gap(zh: string, en: string): Gap {
  return { zh, en };
}

/** Gaps said once each (two checks can find the same one). */
export function distinctGaps(gaps: readonly Gap[]): Gap[] {
  const seen = new Set<string>();
  return gaps.filter((g) => !seen.has(g.zh) && Boolean(seen.add(g.zh)));
}

export interface DocumentCheck {
  label: Label;
  ok: boolean;
  /** What 交付文档 lists for this check; empty when ok, or when another check says it. */
  missing: Gap[];
}

/** A check that is ok when it has no missing lines (unless `ok` says otherwise: a record not started). */
export function documentCheck(zh: string, en: string, missing: Gap[], ok = missing.length === 0): DocumentCheck {
  return { label: { zh, en }, ok, missing };
}

/** The document's missing lines: every check's, in order. */
export function missingOf(checks: readonly DocumentCheck[]): Gap[] {
  return checks.flatMap((check) => check.missing);
}
