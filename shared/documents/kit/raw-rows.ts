import { Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import type { CellAlign, CellSpec } from './table';
import { keepDatesWhole } from './no-break';
import { lines } from './text';

/**
 * The body rows of a very long table written as WordprocessingML text instead of docx objects.
 *
 * docx makes three objects per element (the component, its XML object, its text) and keeps
 * them all until the file is packed: a table of 10,000 rows × 6 cells took about 7 s and
 * 0.7 GB in Node before a word of the rest of the document (bench/documents.bench.ts,
 * docs-bare-table-10k). Writing the same rows as text is about a hundred times cheaper. The
 * table is one marker paragraph in the docx objects, which packInto replaces with the text after
 * packing: byte for byte what docx would have written for the same table
 * (test/documents/raw-rows.test.ts compares the two).
 *
 * Only plain cells are written this way (text, bold, colour, fill, alignment, column span);
 * a table with runs or paragraphs in a cell is made by docx as before.
 */

const MARKER = 'FIELDBOOK-RAW-ROWS-';

/** Rows waiting to be put in place of their marker, per document being built. */
export class RawRows {
  private readonly blocks = new Map<string, string>();

  get size(): number {
    return this.blocks.size;
  }

  /** A paragraph that stands for `xml` (a whole table) until the document is packed. */
  marker(xml: string): Paragraph {
    const key = `${MARKER}${this.blocks.size + 1}`;
    this.blocks.set(key, xml);
    return new Paragraph({ children: [new TextRun(key)] });
  }

  /** document.xml with every marker paragraph replaced by its table. */
  expand(documentXml: string): string {
    if (this.blocks.size === 0) return documentXml;
    return documentXml.replace(
      /<w:p>(?:(?!<\/w:p>)[\s\S])*?>(FIELDBOOK-RAW-ROWS-\d+)<\/w:t>(?:(?!<\/w:p>)[\s\S])*<\/w:p>/g,
      (paragraph, key: string) => this.blocks.get(key) ?? paragraph,
    );
  }

  /** The packed .docx with the rows in place (the file as it is when there are none). */
  async packInto(bytes: Uint8Array): Promise<Uint8Array> {
    if (this.blocks.size === 0) return bytes;
    const zip = await JSZip.loadAsync(bytes);
    const part = zip.file('word/document.xml');
    if (!part) return bytes;
    zip.file('word/document.xml', this.expand(await part.async('string')));
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } });
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Text as docx escapes it: the five entities, control characters XML cannot hold dropped. */
function escapeText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');
}

/** Whether a cell can be written as text (no runs or paragraphs of docx objects in it). */
export function isPlainCell(cell: string | CellSpec): boolean {
  return typeof cell === 'string' || (cell.runs === undefined && cell.children === undefined && cell.bold !== false);
}

const jc = { left: '', center: '<w:jc w:val="center"/>', right: '<w:jc w:val="right"/>' } as const;

export interface TableShape {
  /** Column widths in twips, adding up to `total`. */
  widths: readonly number[];
  total: number;
  /** Left and right cell margin in twips (top and bottom are 40). */
  sideMargin: number;
  borderXml: string;
}

/** A whole table as bulkTable makes it: properties, grid, the header row repeated on each page, the rows. */
export function tableXml(shape: TableShape, headerXml: string, rowsXml: string): string {
  const m = shape.sideMargin;
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${shape.total}"/><w:jc w:val="center"/>${shape.borderXml}<w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:type="dxa" w:w="40"/><w:left w:type="dxa" w:w="${m}"/><w:bottom w:type="dxa" w:w="40"/><w:right w:type="dxa" w:w="${m}"/></w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${shape.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${headerXml}${rowsXml}</w:tbl>`
  );
}

/** The borders as docx writes tableBorders: single lines of one size and colour all round and inside. */
export function bordersXml(size: number, color: string): string {
  const line = `w:val="single" w:color="${color}" w:sz="${size}"`;
  return `<w:tblBorders><w:top ${line}/><w:left ${line}/><w:bottom ${line}/><w:right ${line}/><w:insideH ${line}/><w:insideV ${line}/></w:tblBorders>`;
}

/** One body row as bulkTable's lean cells make it. */
export function rowXml(
  cells: ReadonlyArray<string | CellSpec>,
  widths: readonly number[],
  aligns: readonly CellAlign[],
  style: string,
  cantSplit: boolean,
  header = false,
): string {
  let out = `<w:tr><w:trPr>${cantSplit ? '<w:cantSplit/>' : '<w:cantSplit w:val="off"/>'}${header ? '<w:tblHeader/>' : ''}</w:trPr>`;
  let column = 0;
  for (const cell of cells) {
    const spec: CellSpec = typeof cell === 'string' ? { text: cell } : cell;
    const span = spec.columnSpan ?? 1;
    let width = 0;
    for (let i = column; i < column + span; i++) width += widths[i] ?? 0;
    const pPr = `<w:pPr><w:pStyle w:val="${style}"/>${jc[spec.align ?? aligns[column] ?? 'left']}</w:pPr>`;
    column += span;
    const rPr =
      spec.bold || spec.color
        ? `<w:rPr>${spec.bold ? '<w:b/><w:bCs/>' : ''}${spec.color ? `<w:color w:val="${spec.color}"/>` : ''}</w:rPr>`
        : '';
    const texts = lines(spec.text ?? '');
    const paragraphs =
      texts.length === 0
        ? `<w:p>${pPr}</w:p>`
        : texts
            .map(
              (t) =>
                `<w:p>${pPr}<w:r>${rPr}<w:t xml:space="preserve">${escapeText(keepDatesWhole(t))}</w:t></w:r></w:p>`,
            )
            .join('');
    out +=
      `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}` +
      `${spec.fill ? `<w:shd w:fill="${spec.fill}" w:color="auto" w:val="clear"/>` : ''}</w:tcPr>${paragraphs}</w:tc>`;
  }
  return `${out}</w:tr>`;
}
