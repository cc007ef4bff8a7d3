import { Paragraph, type Table, TableOfContents, TextRun } from 'docx';
import type { DocumentContext } from './context';
import { type RevisionEntry, versionLabel } from './meta';
import { styleIds } from './styles';
import { dataTable } from './table';
import { newPageSpacing } from './text';

/** An unnumbered title (修订记录, 目录, 签字确认), outside the table of contents. */
export function frontTitle(text: string, options: { newPage?: boolean; atPageTop?: boolean } = {}): Paragraph {
  return new Paragraph({ style: styleIds.frontTitle, pageBreakBefore: options.newPage, spacing: newPageSpacing(options.newPage || options.atPageTop), children: [new TextRun(text)] });
}

/** 修订记录: every export of this document in this project, oldest first. */
export function revisionHistory(ctx: DocumentContext, revisions: RevisionEntry[]): Array<Paragraph | Table> {
  const rows = [...revisions]
    .sort((a, b) => a.version - b.version || (a.minor ?? 0) - (b.minor ?? 0))
    .map((r) => [{ text: versionLabel(r.version, r.minor), align: 'center' as const }, { text: r.date, align: 'center' as const }, { text: r.author, align: 'center' as const }, r.note]);
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
export function tableOfContents(): Array<Paragraph | TableOfContents> {
  return [frontTitle('目  录', { newPage: true }), new TableOfContents('目录', { headingStyleRange: '1-3', hyperlink: true })];
}
