import type { ChecklistItem, ChecklistTemplateFields, Severity } from '../../records/checklist';
import { isRectificationOverdue } from '../../records/inspection';
import type { Row } from '../data';
import type { Attachment } from '../../attachments';
import {
  answerText,
  type CheckedItem,
  failureSeverity,
  type InspectionData,
  type JoinedInspection,
  joinInspections,
} from './inspection-data';
import { isNonConformityClosed } from './open-items';

/**
 * What the 配置基线检查报告 makes of the joined inspections before it writes a line: the items
 * of each template in report order (numbered, so the matrix's columns and the appendix of
 * methods name the same item by the same number), the failures, and the failures grouped into
 * findings: the same item failing with the same value on many objects is one finding.
 */

export const severityOrder: Severity[] = ['critical', 'major', 'minor'];

export interface NumberedItem {
  /** 1-based, in the template's section order. */
  number: number;
  item: ChecklistItem;
  sectionTitle: string;
}

/** A template's items as the report numbers them: section by section, in the template's order. */
export function numberedItems(template: Pick<Row<ChecklistTemplateFields>, 'sections' | 'items'>): NumberedItem[] {
  const titles = new Map(template.sections.map((s) => [s.id, s.title]));
  const order = [
    ...template.sections.map((s) => s.id),
    ...new Set(template.items.map((i) => i.sectionId).filter((id) => !titles.has(id))),
  ];
  return order
    .flatMap((sectionId) =>
      template.items
        .filter((item) => item.sectionId === sectionId)
        .map((item) => ({ item, sectionTitle: titles.get(sectionId) ?? '其他' })),
    )
    .map((entry, index) => ({ ...entry, number: index + 1 }));
}

export interface Failure {
  joined: JoinedInspection;
  checked: CheckedItem;
  severity: Severity;
}

/** Every failed item of every inspection, most severe first (inspection order kept within a severity). */
export function failuresOf(inspections: readonly JoinedInspection[]): Failure[] {
  return inspections
    .flatMap((joined) =>
      joined.sections.flatMap((s) =>
        s.items
          .filter((c) => c.verdict === 'fail')
          .map((checked) => ({ joined, checked, severity: failureSeverity(checked) })),
      ),
    )
    .sort((a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity));
}

export function isRectified(f: Failure): boolean {
  return isNonConformityClosed(f.checked);
}

/** A finding: one item of one template that failed with the same result on one or more objects. */
export interface Finding {
  templateId: string;
  item: ChecklistItem;
  /** The result as the report writes it ('' when nothing was recorded). */
  result: string;
  severity: Severity;
  failures: Failure[];
}

/**
 * Failures grouped by (template, item, result): 120 servers with PASS_MAX_DAYS 99999 are one
 * finding with 120 objects. Most severe first, then the most objects, then the template's order.
 */
export function groupFindings(failures: readonly Failure[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const f of failures) {
    const templateId = f.joined.template?.id ?? '';
    const result = answerText(f.checked.item, f.checked.result?.value ?? null, f.checked.result?.photos);
    const key = `${templateId}\u0000${f.checked.item.id}\u0000${result}`;
    let finding = byKey.get(key);
    if (!finding) {
      finding = { templateId, item: f.checked.item, result, severity: f.severity, failures: [] };
      byKey.set(key, finding);
    }
    finding.failures.push(f);
    // A rectification may re-grade one object's failure: the finding is as severe as its worst.
    if (severityOrder.indexOf(f.severity) < severityOrder.indexOf(finding.severity)) finding.severity = f.severity;
  }
  return [...byKey.values()].sort(
    (a, b) =>
      severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity) ||
      b.failures.length - a.failures.length ||
      a.item.title.localeCompare(b.item.title, 'zh-CN'),
  );
}

/** How far a group of failures has come: 已复查合格, 已整改待复查, 待整改或整改中 and, of those not closed, 逾期. */
export function rectificationProgress(
  failures: readonly Failure[],
  today: string,
): { verified: number; awaitingRecheck: number; open: number; overdue: number } {
  let verified = 0;
  let awaitingRecheck = 0;
  let open = 0;
  let overdue = 0;
  for (const f of failures) {
    const r = f.checked.rectification;
    if (isRectified(f)) verified++;
    else if (r?.status === 'done') awaitingRecheck++;
    else open++;
    if (r && isRectificationOverdue(r, today)) overdue++;
  }
  return { verified, awaitingRecheck, open, overdue };
}

/** Whether an item's result carries evidence: pasted command output, or a picture of a failure. */
export function carriesEvidence(checked: CheckedItem): boolean {
  if (checked.result?.evidence.trim()) return true;
  return checked.verdict === 'fail' && (checked.result?.photos.some((p) => p.type.startsWith('image/')) ?? false);
}

/** The objects whose full results the report prints: those with a failure or evidence. */
export function needsFullRecord(joined: JoinedInspection): boolean {
  return joined.sections.some((s) => s.items.some((c) => c.verdict === 'fail' || carriesEvidence(c)));
}

/**
 * The sha256 of every picture the baseline report shows: failures' evidence and re-check photos,
 * and the customer's drawn signature of each object whose full record it prints.
 */
export function baselineReportFiles(data: InspectionData): string[] {
  const hashes = new Set<string>();
  const images = (list: readonly Attachment[]) => {
    for (const a of list) if (a.type.startsWith('image/')) hashes.add(a.sha256);
  };
  for (const joined of joinInspections(data).inspections) {
    if (needsFullRecord(joined)) images(joined.inspection.signature);
    for (const section of joined.sections) {
      for (const checked of section.items) {
        if (checked.verdict !== 'fail') continue;
        images(checked.result?.photos ?? []);
        images(checked.rectification?.recheckPhotos ?? []);
      }
    }
  }
  return [...hashes];
}
