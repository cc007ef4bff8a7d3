import { Document, type FileChild, NumberFormat, SectionType } from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import type { DocumentContext } from './context';
import { coverPage } from './cover';
import { revisionHistory, tableOfContents } from './front-matter';
import { classifications, type DocumentMeta, versionLabel } from './meta';
import { frontMatterFooter, pageFooter, pageHeader } from './page';
import { documentNumbering, documentStyles } from './styles';
import { A4 } from './units';

export interface ComposeInput {
  ctx: DocumentContext;
  meta: DocumentMeta;
  /** The document type's usual title; meta.title overrides it. */
  title: string;
  projectName: string;
  projectCode: string;
  customer: string;
  /** The numbered chapters; the first heading should start a new page (heading(…, 1, { newPage: true })). */
  body: FileChild[];
  /**
   * Work out the table of contents' page numbers (default). Laying out every page costs about
   * as much again as packing a long table (seconds for thousands of rows), so a very long
   * document may leave them for Word to fill in (右键 → 更新域) instead.
   */
  estimatePages?: boolean;
}

/**
 * Page numbers of the table of contents, worked out by docx's own layout of the pages with
 * Word's font metrics (SimSun, SimHei and Times New Roman are in its tables). `guess` only
 * matters for something it cannot lay out exactly (an unusual character): a best guess instead
 * of every number left blank. Lines have exact heights (styles.ts), so LibreOffice with
 * metric-compatible stand-ins (Liberation Serif for Times New Roman, Noto CJK for 宋体/黑体,
 * whose ideographs are as wide) sets the same pages; test/documents/libreoffice.test.ts checks
 * every entry there. Word also refreshes the field on opening (updateFields).
 */
const pageNumbers = estimatePageNumbersWith({ guess: true });

/**
 * A complete deliverable in three sections: the cover (no header, footer or page number); the
 * front matter (修订记录, 目录) numbered I, II, …; the chapters numbered from 1 with
 * 「第 X 页 共 Y 页」. The project and document name head every page but the cover.
 */
export function composeDocument(input: ComposeInput): Document {
  const document = new Document(documentOptions(input));
  composed.set(document, input);
  return document;
}

/**
 * What each composed Document was made of, so a house template (house-template.ts) can take a
 * built document's body and front matter into a company's own .docx instead of the kit's cover.
 */
const composed = new WeakMap<Document, ComposeInput>();

/** The input a Document was composed from; undefined for one not made by composeDocument. */
export function composedFrom(document: Document): ComposeInput | undefined {
  return composed.get(document);
}

function documentOptions(input: ComposeInput): ConstructorParameters<typeof Document>[0] {
  const { ctx, meta } = input;
  const title = meta.title ?? input.title;
  const page = {
    size: { width: A4.width, height: A4.height },
    margin: { ...ctx.page.margins, header: 851, footer: 992 },
  };
  const version = versionLabel(meta.version, meta.minor);
  const header = { default: pageHeader(input.projectName, title) };
  // The layout cannot see rows left as text (raw-rows.ts): no estimate rather than a wrong one.
  const estimate = input.estimatePages !== false && ctx.rawRows.size === 0;
  return {
    title,
    subject: input.projectName,
    // The engineer who prepared it, as Word's 作者; the company goes into app.xml (pack.ts).
    creator: meta.preparedBy.name || meta.company,
    lastModifiedBy: meta.preparedBy.name || meta.company,
    keywords: meta.documentNumber,
    description: `${meta.documentNumber} ${version}`,
    customProperties: [
      { name: '文档编号', value: meta.documentNumber },
      { name: '版本', value: version },
      { name: '密级', value: classifications[meta.classification].zh },
    ],
    styles: documentStyles(ctx.page),
    numbering: documentNumbering(),
    pageNumbers: estimate ? pageNumbers : undefined,
    // Word refreshes the 目录, page references and SEQ/REF numbers when it opens the file (it asks first).
    features: { updateFields: true },
    sections: [
      {
        properties: { page },
        children: coverPage(ctx, {
          meta,
          title,
          projectName: input.projectName,
          projectCode: input.projectCode,
          customer: input.customer,
        }),
      },
      {
        properties: {
          type: SectionType.NEXT_PAGE,
          page: { ...page, pageNumbers: { start: 1, formatType: NumberFormat.UPPER_ROMAN } },
        },
        headers: header,
        footers: { default: frontMatterFooter() },
        children: [...revisionHistory(ctx, meta.revisions), ...tableOfContents({ pageNumbers: estimate })],
      },
      {
        properties: {
          type: SectionType.NEXT_PAGE,
          page: { ...page, pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL } },
        },
        headers: header,
        footers: { default: pageFooter() },
        children: input.body,
      },
    ],
  };
}
