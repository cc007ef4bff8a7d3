import { TextRun } from 'docx';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DocumentTypeKey, documentTypes, packDocument, prepareExport } from '../../shared/documents';
import { composeDocument } from '../../shared/documents/kit/compose';
import { DocumentContext } from '../../shared/documents/kit/context';
import { dataTable } from '../../shared/documents/kit/table';
import { bodyParagraph, heading } from '../../shared/documents/kit/text';
import { richFixture } from './helpers/fixture';
import { type FieldsRead, readFields, referenceOf, sequenceOf } from './helpers/fields';
import { validationErrors } from './helpers/read-docx';
import { renderSample } from './helpers/sample-deliverables';

/** Draws the 巡检月报's chart fallbacks, as the app's document Worker does. */

/**
 * Captions and cross references are fields (kit/captions.ts): a caption's number a SEQ field in
 * a bookmark, a reference in the text a REF field to that bookmark, each written with the
 * number this build gave it, so Word renumbers them after an edit and a reader who never
 * updates fields sees the right numbers. LibreOffice's reading: libreoffice.test.ts.
 */

const labels = { 表: 'table', 图: 'figure' } as const;
/** 「见表 3」, 「如图 2 所示」, 「表 1」: a table or figure number typed as text. */
const typedNumber = /[表图][\s\u00a0]*\d/;

interface Caption {
  label: '表' | '图';
  number: number;
  bookmark: string;
}

/** Every caption and reference of a document, checked as it is read; the problems found, in words. */
function check(read: FieldsRead): { captions: Caption[]; references: number; problems: string[] } {
  const problems: string[] = [];
  const captions: Caption[] = [];
  const counts = { 表: 0, 图: 0 };
  for (const paragraph of read.paragraphs.filter((p) => p.style === 'Caption')) {
    const sequences = paragraph.fields.filter((f) => sequenceOf(f) !== undefined);
    const label = paragraph.text[0] as '表' | '图';
    if (sequences.length !== 1 || !(label in labels)) {
      problems.push(`caption without one SEQ field: ${paragraph.text}`);
      continue;
    }
    const field = sequences[0]!;
    const number = ++counts[label];
    if (field.instruction.trim() !== `SEQ ${label} \\* ARABIC`)
      problems.push(`${paragraph.text}: ${field.instruction}`);
    if (field.result !== String(number))
      problems.push(`${paragraph.text}: result ${field.result}, is ${label} ${number}`);
    if (!paragraph.text.startsWith(`${label} ${number} `))
      problems.push(`${paragraph.text}: not 「${label} ${number} …」`);
    const bookmark = field.bookmarks.find((b) => read.bookmarkCounts.get(b) === 1);
    if (!bookmark) problems.push(`${paragraph.text}: its number is in no bookmark of its own`);
    else captions.push({ label, number, bookmark });
  }
  const byBookmark = new Map(captions.map((c) => [c.bookmark, c]));
  let references = 0;
  for (const paragraph of read.paragraphs) {
    if (typedNumber.test(paragraph.plainText) && paragraph.style !== 'Caption')
      problems.push(`a number typed as text: ${paragraph.text}`);
    for (const field of paragraph.fields) {
      if (sequenceOf(field) !== undefined && paragraph.style !== 'Caption')
        problems.push(`a SEQ field outside a caption: ${paragraph.text}`);
      const target = referenceOf(field);
      if (target === undefined) continue;
      references++;
      const caption = byBookmark.get(target);
      if (!caption) problems.push(`REF to ${target}, which is no caption's: ${paragraph.text}`);
      else {
        if (field.result !== String(caption.number))
          problems.push(`REF to ${caption.label} ${caption.number} reads ${field.result}: ${paragraph.text}`);
        if (!paragraph.text.includes(`${caption.label}\u00a0${caption.number}`))
          problems.push(`REF to ${caption.label} ${caption.number} not after its label: ${paragraph.text}`);
        if (!/\\h\b/.test(field.instruction)) problems.push(`REF without \\h: ${field.instruction}`);
      }
    }
  }
  return { captions, references, problems };
}

describe('captions and cross references in every deliverable', () => {
  const reads = new Map<DocumentTypeKey, FieldsRead>();

  beforeAll(async () => {
    const fixture = richFixture();
    for (const type of documentTypes) {
      const bytes = await renderSample(fixture, type.key);
      const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
      reads.set(type.key, readFields(xml));
    }
  }, 240_000);

  it.each(documentTypes.map((t) => t.key))(
    '%s: each caption a SEQ field numbered in order in its bookmark, each reference a REF to one',
    (key) => {
      const { captions, problems } = check(reads.get(key)!);
      expect(problems).toEqual([]);
      expect(captions.length, 'every deliverable has numbered tables').toBeGreaterThan(0);
    },
  );

  it('refers to tables by number in the documents that used to say 下表/上表', () => {
    const referring = documentTypes.map((t) => t.key).filter((key) => check(reads.get(key)!).references > 0);
    expect(referring).toEqual(
      expect.arrayContaining([
        'requirementsSpec',
        'feasibilityReport',
        'serviceLevelAgreement',
        'opsTechnicalPlan',
        'opsManual',
        'handover',
      ] satisfies DocumentTypeKey[]),
    );
  });
});

describe('a reference before its caption', () => {
  async function documentXml(build: (ctx: DocumentContext) => ReturnType<typeof dataTable>): Promise<Uint8Array> {
    const ctx = new DocumentContext();
    const document = composeDocument({
      ctx,
      meta: prepareExport({
        docType: 'feasibilityReport',
        project: richFixture().data.project,
        exports: [],
        exportedBy: '陈立',
        exportedAt: '2026-01-20T15:30',
        company: '恒信科技有限公司',
      }).meta,
      title: '测试',
      projectName: '测试项目',
      projectCode: 'T',
      customer: '测试客户',
      body: [heading('表格', 1, { newPage: true }), ...build(ctx)],
    });
    return packDocument(document);
  }

  const table = (ctx: DocumentContext, key: string, title: string) =>
    dataTable(ctx, { columns: [{ title: '列', width: 1 }], rows: [['值']], caption: title, captionKey: key });

  it('reads the number of the caption it names, made later, and stays valid', async () => {
    const bytes = await documentXml((ctx) => [
      ...table(ctx, 'first', '第一张'),
      bodyParagraph([
        new TextRun('结论见'),
        ...ctx.reference('table', 'third'),
        new TextRun('，依据见'),
        ...ctx.reference('table', 'first'),
        new TextRun('。'),
      ]),
      ...table(ctx, 'second', '第二张'),
      ...table(ctx, 'third', '第三张'),
    ]);
    const read = readFields(await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string'));
    const { captions, references, problems } = check(read);
    expect(problems).toEqual([]);
    expect(captions.map((c) => `${c.label}${c.number}`)).toEqual(['表1', '表2', '表3']);
    expect(references).toBe(2);
    expect(read.paragraphs.map((p) => p.text)).toContain('结论见表\u00a03，依据见表\u00a01。');
    expect(await validationErrors(bytes)).toEqual([]);
  }, 60_000);

  it('refuses a reference to a caption the document never made, and a key used twice', async () => {
    await expect(
      documentXml((ctx) => [...table(ctx, 'first', '第一张'), bodyParagraph(ctx.reference('table', 'missing'))]),
    ).rejects.toThrow(/missing/);
    await expect(
      documentXml((ctx) => [...table(ctx, 'same', '第一张'), ...table(ctx, 'same', '第二张')]),
    ).rejects.toThrow(/same/);
  });
});
