/**
 * The captions and cross references of a document.xml as Word reads them: complex fields
 * (begin, instruction, separate, result, end), bookmarks, and paragraph styles, walked in order.
 */

export interface FieldRead {
  instruction: string;
  /** The text between separate and end: what a reader sees until the field is updated. */
  result: string;
  /** Names of the bookmarks open around the whole field. */
  bookmarks: string[];
  /** The paragraph's printed text before the field. */
  before: string;
}

export interface ParagraphRead {
  style: string | undefined;
  /** All the paragraph's text, field results included, as it prints. */
  text: string;
  /** The paragraph's text outside any field's instruction and result. */
  plainText: string;
  fields: FieldRead[];
}

export interface FieldsRead {
  paragraphs: ParagraphRead[];
  /** Every bookmark name in the document, with how many times it occurs. */
  bookmarkCounts: Map<string, number>;
  /** A simple field (w:fldSimple) anywhere, which this reading does not follow. */
  simpleFields: number;
}

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const TOKEN =
  /<w:p(?=[ >])[^>]*>|<\/w:p>|<w:pStyle w:val="([^"]*)"\/>|<w:bookmarkStart\b[^>]*\/>|<w:bookmarkEnd\b[^>]*\/>|<w:fldChar\b[^>]*\/>|<w:instrText\b[^>]*>([^<]*)<\/w:instrText>|<w:t(?=[ >])[^>]*>([^<]*)<\/w:t>|<w:fldSimple\b/g;

const attribute = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];

export function readFields(documentXml: string): FieldsRead {
  const paragraphs: ParagraphRead[] = [];
  const bookmarkCounts = new Map<string, number>();
  const openBookmarks = new Map<string, string>(); // id → name
  let simpleFields = 0;
  let paragraph: ParagraphRead | undefined;
  interface Open {
    field: FieldRead;
    inResult: boolean;
  }
  const open: Open[] = [];
  for (const match of documentXml.matchAll(TOKEN)) {
    const tag = match[0];
    if (tag.startsWith('<w:pStyle')) {
      if (paragraph && paragraph.style === undefined) paragraph.style = match[1];
    } else if (tag.startsWith('<w:p') && !tag.startsWith('<w:pS')) {
      paragraph = { style: undefined, text: '', plainText: '', fields: [] };
      paragraphs.push(paragraph);
    } else if (tag === '</w:p>') {
      paragraph = undefined;
    } else if (tag.startsWith('<w:bookmarkStart')) {
      const name = attribute(tag, 'w:name')!;
      openBookmarks.set(attribute(tag, 'w:id')!, name);
      bookmarkCounts.set(name, (bookmarkCounts.get(name) ?? 0) + 1);
    } else if (tag.startsWith('<w:bookmarkEnd')) {
      openBookmarks.delete(attribute(tag, 'w:id')!);
    } else if (tag.startsWith('<w:fldChar')) {
      const type = attribute(tag, 'w:fldCharType');
      if (type === 'begin') {
        const field = {
          instruction: '',
          result: '',
          bookmarks: [...openBookmarks.values()],
          before: paragraph?.text ?? '',
        };
        open.push({ field, inResult: false });
        paragraph?.fields.push(field);
      } else if (type === 'separate' && open.length) open.at(-1)!.inResult = true;
      else if (type === 'end') {
        const closed = open.pop();
        // A bookmark around the field is still open at its end.
        if (closed)
          closed.field.bookmarks = closed.field.bookmarks.filter((b) => [...openBookmarks.values()].includes(b));
      }
    } else if (tag.startsWith('<w:instrText')) {
      if (open.length) open.at(-1)!.field.instruction += unescape(match[2] ?? '');
    } else if (tag.startsWith('<w:fldSimple')) {
      simpleFields++;
    } else {
      const text = unescape(match[3] ?? '');
      if (!paragraph) continue;
      paragraph.text += text;
      if (open.length === 0) paragraph.plainText += text;
      else if (open.at(-1)!.inResult) for (const o of open) if (o.inResult) o.field.result += text;
    }
  }
  return { paragraphs, bookmarkCounts, simpleFields };
}

/** A SEQ field's identifier, or undefined. */
export function sequenceOf(field: FieldRead): string | undefined {
  return /^\s*SEQ\s+(\S+)/.exec(field.instruction)?.[1];
}

/** A REF field's bookmark, or undefined (PAGEREF is not a REF). */
export function referenceOf(field: FieldRead): string | undefined {
  return /^\s*REF\s+(\S+)/.exec(field.instruction)?.[1];
}
