/**
 * The docx-free half of 公司模板 (house-template.ts): the placeholders a template may hold, and the
 * check made when one is uploaded. JSZip only, so the settings page loads it without docx.
 */
import JSZip from 'jszip';
import { chineseDate } from './kit/format';
import { classifications, type DocumentMeta, versionLabel } from './kit/meta';

/** A template that cannot be used, with the reason in Chinese for the user. */
export class HouseTemplateError extends Error {
  override name = 'HouseTemplateError';
}

/** The keys of the content placeholder; the first is the one to document. */
export const contentPlaceholders = ['正文', 'content'] as const;

/** Text placeholders and their values for a document: Chinese keys and English aliases. */
export function placeholderValues(
  meta: DocumentMeta,
  info: { title: string; projectName: string; projectCode: string; customer: string },
): Record<string, string> {
  const values: Array<[string[], string]> = [
    [['项目名称', 'projectName'], info.projectName],
    [['项目编号', 'projectCode'], info.projectCode],
    [['客户', '客户名称', 'customer'], info.customer],
    [['文档名称', 'title'], meta.title ?? info.title],
    [['文档编号', 'documentNumber'], meta.documentNumber],
    [['版本号', '版本', 'version'], versionLabel(meta.version, meta.minor)],
    [['密级', 'classification'], classifications[meta.classification].zh],
    [['日期', 'date'], chineseDate(meta.date)],
    [['公司', 'company'], meta.company],
    [['编制', 'preparedBy'], meta.preparedBy.name],
    [['编制日期', 'preparedDate'], meta.preparedBy.date],
    [['审核', 'reviewedBy'], meta.reviewedBy.name],
    [['审核日期', 'reviewedDate'], meta.reviewedBy.date],
    [['批准', 'approvedBy'], meta.approvedBy.name],
    [['批准日期', 'approvedDate'], meta.approvedBy.date],
  ];
  return Object.fromEntries(values.flatMap(([keys, value]) => keys.map((key) => [key, value])));
}

export interface HouseTemplateSummary {
  /** Placeholder names found in the body, headers and footers, in order, without duplicates. */
  placeholders: string[];
  /** Those the export fills (identification and 正文). */
  known: string[];
  /** Those it does not know: they stay in the document as typed. */
  unknown: string[];
}

/**
 * What a company template holds, checked when it is uploaded rather than at the first export:
 * it must be a Word document with a {{正文}} paragraph. Throws HouseTemplateError (Chinese) if not.
 */
export async function inspectHouseTemplate(bytes: Uint8Array): Promise<HouseTemplateSummary> {
  const zip = await JSZip.loadAsync(bytes).catch(() => {
    throw new HouseTemplateError('不是有效的 Word（.docx）文件');
  });
  const documentXml = await readPart(zip, 'word/document.xml');
  if (!documentXml) throw new HouseTemplateError('模板不是有效的 Word 文档（缺少 word/document.xml）');
  if (!findContentParagraph(documentXml))
    throw new HouseTemplateError('模板中没有 {{正文}} 占位符：请在模板中放正文的位置单独一段写上 {{正文}}');
  const parts = [documentXml];
  for (const name of Object.keys(zip.files)
    .filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n))
    .sort())
    parts.push((await readPart(zip, name)) ?? '');
  const found: string[] = [];
  for (const xml of parts) {
    for (const paragraph of xml.matchAll(paragraphPattern)) {
      const text = [...paragraph[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      for (const match of text.matchAll(/\{\{\s*([^{}]+?)\s*\}\}/g))
        if (!found.includes(match[1]!)) found.push(match[1]!);
    }
  }
  const names = new Set<string>([
    ...Object.keys(placeholderValues(sampleMeta, { title: '', projectName: '', projectCode: '', customer: '' })),
    ...contentPlaceholders,
  ]);
  return { placeholders: found, known: found.filter((n) => names.has(n)), unknown: found.filter((n) => !names.has(n)) };
}

/** Only the keys of placeholderValues matter here. */
const sampleMeta = {
  documentNumber: '',
  version: 1,
  classification: 'internal',
  date: '2026-01-01',
  company: '',
  preparedBy: { name: '', date: '' },
  reviewedBy: { name: '', date: '' },
  approvedBy: { name: '', date: '' },
  revisions: [],
} as unknown as DocumentMeta;

export interface ContentSlot {
  key: string;
  /** Offsets of the paragraph holding the placeholder in document.xml. */
  start: number;
  end: number;
  /** The sectPr of the section the content lands in (the first one after the placeholder). */
  section: string;
}

export const paragraphPattern = /<w:p[ >][\s\S]*?<\/w:p>/g;

/** The paragraph whose text (across runs, as Word splits it) is {{正文}} or {{content}}. */
export function findContentParagraph(xml: string): ContentSlot | undefined {
  for (const match of xml.matchAll(paragraphPattern)) {
    const text = [...match[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const key = contentPlaceholders.find((k) => new RegExp(`\\{\\{\\s*${k}\\s*\\}\\}`).test(text));
    if (!key) continue;
    const start = match.index;
    const end = start + match[0].length;
    const own = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(match[0]);
    const after = own ? own[0] : (/<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(xml.slice(end))?.[0] ?? '');
    return { key, start, end, section: after };
  }
  return undefined;
}

export async function readPart(zip: JSZip, name: string): Promise<string | undefined> {
  return zip.file(name)?.async('string');
}
