import { Document, type FileChild, SectionType } from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import type { DocumentContext } from './context';
import { coverPage } from './cover';
import { revisionHistory, tableOfContents } from './front-matter';
import type { DocumentMeta } from './meta';
import { pageFooter, pageHeader } from './page';
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
 * Word's font metrics (SimSun, SimHei and Times New Roman are in its tables: the five documents
 * lay out without guessing). `guess` only matters for something it cannot lay out exactly (an
 * unusual character): a best guess instead of every number left blank. The numbers are Word's
 * pages as near as it knows them; updating the field in Word gives the exact ones. LibreOffice,
 * with other fonts, may paginate a page or so differently and prints the numbers as written.
 */
const pageNumbers = estimatePageNumbersWith({ guess: true });

/**
 * A complete deliverable: the cover as its own section (no header, footer or page number),
 * then 修订记录, 目录 and the chapters in a section with the project and document name in the
 * header and 「第 X 页 共 Y 页」 in the footer (the cover is counted, so these start at 第 2 页).
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
  return {
    title,
    subject: input.projectName,
    creator: meta.preparedBy.name || meta.company,
    description: `${meta.documentNumber} V${meta.version}.0`,
    styles: documentStyles(ctx.page),
    numbering: documentNumbering(),
    // The layout cannot see rows left as text (raw-rows.ts): no estimate rather than a wrong one.
    pageNumbers: input.estimatePages === false || ctx.rawRows.size > 0 ? undefined : pageNumbers,
    sections: [
      {
        properties: { page },
        children: coverPage(ctx, { meta, title, projectName: input.projectName, projectCode: input.projectCode, customer: input.customer }),
      },
      {
        properties: { type: SectionType.NEXT_PAGE, page },
        headers: { default: pageHeader(input.projectName, title) },
        footers: { default: pageFooter() },
        children: [...revisionHistory(ctx, meta.revisions), ...tableOfContents(), ...input.body],
      },
    ],
  };
}
