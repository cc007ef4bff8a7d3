import { Paragraph, type Table, TableOfContents, TextRun } from 'docx';
import type { DocumentContext } from './context';
import { type RevisionEntry, versionLabel } from './meta';
import { styleIds } from './styles';
import { dataTable } from './table';
import { newPageSpacing } from './text';

/** An unnumbered title (修订记录, 目录, 签字确认), outside the table of contents. */
export function frontTitle(text: string, options: { newPage?: boolean; atPageTop?: boolean } = {}): Paragraph {
  return new Paragraph({
    style: styleIds.frontTitle,
    pageBreakBefore: options.newPage,
    spacing: newPageSpacing(options.newPage || options.atPageTop),
    children: [new TextRun(text)],
  });
}

/** 修订记录: every export of this document in this project, oldest first. */
export function revisionHistory(ctx: DocumentContext, revisions: RevisionEntry[]): Array<Paragraph | Table> {
  const rows = [...revisions]
    .sort((a, b) => a.version - b.version || (a.minor ?? 0) - (b.minor ?? 0))
    .map((r) => [
      { text: versionLabel(r.version, r.minor), align: 'center' as const },
      { text: r.date, align: 'center' as const },
      { text: r.author, align: 'center' as const },
      r.note,
    ]);
  return [
    frontTitle('修订记录', { atPageTop: true }), // the first line of its section
    ...dataTable(ctx, {
      columns: [
        { title: '版本号', width: 14 },
        { title: '修改日期', width: 18 },
        { title: '修改人', width: 16 },
        { title: '修改内容', width: 52 },
      ],
      rows,
    }),
  ];
}

/**
 * 目录: a TOC field over headings 1–3. docx writes its cached result from the headings (with
 * their numbers and, with the document's page estimator, page numbers), so Word and WPS show
 * real entries before anyone updates fields, and LibreOffice, which never updates it on
 * conversion, prints them too.
 */
export function tableOfContents(
  options: { pageNumbers: boolean } = { pageNumbers: true },
): Array<Paragraph | TableOfContents> {
  return [
    frontTitle('目  录', { newPage: true }),
    new TableOfContents('目录', { headingStyleRange: '1-3', hyperlink: true }),
    // Without an estimate the entries carry no page numbers; the reader is told why and how to get them.
    ...(options.pageNumbers
      ? []
      : [new Paragraph({ style: styleIds.body, children: [new TextRun(TOC_WITHOUT_PAGES_NOTE)] })]),
  ];
}

/**
 * Under a 目录 written without page numbers: a long document (its long tables written as text,
 * kit/raw-rows.ts) cannot be laid out before it is packed, and a guess would differ between Word
 * and LibreOffice; Word and WPS number the entries when the field is updated.
 */
export const TOC_WITHOUT_PAGES_NOTE =
  '注：本文档篇幅较长，目录未标页码。在 Word 或 WPS 中右键目录选择“更新域”（更新整个目录）即可生成页码。';
