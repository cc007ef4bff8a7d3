import type { Attachment } from '../../attachments';
import { verdictFor } from '../../inspection/verdict';
import { formatNumber, withUnit } from '../../inspection/text';
import type { AssetFields } from '../../records/asset';
import type {
  ChecklistItem,
  ChecklistSection,
  ChecklistTemplateFields,
  Severity,
  Verdict,
} from '../../records/checklist';
import type { InspectionFields, InspectionResultFields, RectificationFields } from '../../records/inspection';
import { live, type ProjectDocumentData, type Row } from '../data';

/**
 * The inspection records joined as the reports read them: each inspection with its asset,
 * template, and per item its result, verdict and rectification. Built once per document in
 * one pass over each collection (maps, no per-item searches), so 200 inspections × 30 items
 * cost milliseconds.
 */

/** The collections the inspection reports read; one the caller did not load counts as empty. */
export type InspectionData = Partial<
  Pick<ProjectDocumentData, 'assets' | 'checklistTemplates' | 'inspections' | 'inspectionResults' | 'rectifications'>
>;

export interface CheckedItem {
  item: ChecklistItem;
  result: Row<InspectionResultFields> | undefined;
  /** The verdict the answer earns (the stored one, else the item's rule); null: not answered. */
  verdict: Verdict | null;
  /** Only for failures: its 整改, if one was recorded. */
  rectification: Row<RectificationFields> | undefined;
}

export interface CheckedSection {
  section: ChecklistSection;
  items: CheckedItem[];
}

export interface JoinedInspection {
  inspection: Row<InspectionFields>;
  asset: Row<AssetFields>;
  /** undefined when the template row is missing (deleted or not loaded). */
  template: Row<ChecklistTemplateFields> | undefined;
  sections: CheckedSection[];
  counts: VerdictCounts;
}

export interface VerdictCounts {
  pass: number;
  fail: number;
  na: number;
  unanswered: number;
}

export function emptyCounts(): VerdictCounts {
  return { pass: 0, fail: 0, na: 0, unanswered: 0 };
}

export function addCounts(into: VerdictCounts, counts: VerdictCounts): VerdictCounts {
  into.pass += counts.pass;
  into.fail += counts.fail;
  into.na += counts.na;
  into.unanswered += counts.unanswered;
  return into;
}

/** 合格率 = 合格 ÷ (合格 + 不合格): 不适用 and unanswered items are left out. '—' when nothing was judged. */
export function passRate(counts: VerdictCounts): string {
  const judged = counts.pass + counts.fail;
  return judged === 0 ? '—' : `${((counts.pass / judged) * 100).toFixed(1)}%`;
}

const key = (inspectionId: string, itemId: string) => `${inspectionId}\u0000${itemId}`;

/**
 * Live inspections of live assets, joined. An inspection whose asset was deleted is left out
 * (it is no longer in scope); `orphans` counts them for a warning.
 */
export function joinInspections(data: InspectionData): { inspections: JoinedInspection[]; orphans: number } {
  const assets = new Map(live(data.assets).map((a) => [a.id, a]));
  const templates = new Map(live(data.checklistTemplates).map((t) => [t.id, t]));
  const results = new Map<string, Row<InspectionResultFields>>();
  for (const r of live(data.inspectionResults)) results.set(key(r.inspectionId, r.itemId), r);
  const rectifications = new Map<string, Row<RectificationFields>>();
  for (const r of live(data.rectifications)) rectifications.set(key(r.inspectionId, r.itemId), r);

  const joined: JoinedInspection[] = [];
  let orphans = 0;
  for (const inspection of live(data.inspections)) {
    const asset = assets.get(inspection.assetId);
    if (!asset) {
      orphans++;
      continue;
    }
    const template = templates.get(inspection.templateId);
    const counts = emptyCounts();
    const sections: CheckedSection[] = [];
    if (template) {
      const bySection = new Map<string, CheckedSection>(
        template.sections.map((s) => [s.id, { section: s, items: [] }]),
      );
      for (const item of template.items) {
        let section = bySection.get(item.sectionId);
        if (!section) {
          section = { section: { id: item.sectionId, title: '其他' }, items: [] };
          bySection.set(item.sectionId, section);
        }
        const result = results.get(key(inspection.id, item.id));
        const verdict = result
          ? verdictFor(item, { value: result.value, verdict: result.verdict, photos: result.photos.length })
          : null;
        if (verdict === null) counts.unanswered++;
        else counts[verdict]++;
        section.items.push({
          item,
          result,
          verdict,
          rectification: verdict === 'fail' ? rectifications.get(key(inspection.id, item.id)) : undefined,
        });
      }
      for (const section of bySection.values()) if (section.items.length > 0) sections.push(section);
    }
    joined.push({ inspection, asset, template, sections, counts });
  }
  return { inspections: joined, orphans };
}

/** The severity of a failure: its 整改's (which may have been re-graded), else the item's. */
export function failureSeverity(checked: CheckedItem): Severity {
  return checked.rectification?.severity ?? checked.item.severity;
}

/** What was found, for a table cell: the value with its unit, the options chosen, the photos taken. */
export function answerText(
  item: Pick<ChecklistItem, 'kind' | 'unit'>,
  value: InspectionResultFields['value'],
  photos: readonly Attachment[] = [],
): string {
  const parts: string[] = [];
  if (Array.isArray(value)) {
    if (value.length) parts.push(value.join('、'));
  } else if (typeof value === 'number') parts.push(withUnit(formatNumber(value), item.unit ?? ''));
  else if (typeof value === 'string' && value.trim()) {
    const text = value.trim();
    // A bare number typed as text gets the unit too: "85" → "85%".
    parts.push(item.unit && /^-?\d+(\.\d+)?$/.test(text) ? withUnit(text, item.unit) : text);
  }
  const images = photos.filter((p) => p.type.startsWith('image/')).length;
  if (images > 0 && (item.kind === 'photo' || parts.length === 0)) parts.push(`已拍照 ${images} 张`);
  return parts.join('\n');
}
