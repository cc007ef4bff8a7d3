import { Bookmark, type IContext, type IXmlableObject, type ParagraphChild, TextRun, XmlComponent } from 'docx';

/**
 * Caption numbers and cross references as Word fields, so they renumber when the customer adds,
 * moves or deletes a table or figure and updates the fields (Word does on opening: updateFields
 * in compose.ts).
 *
 * A caption's number is a SEQ field (`SEQ 表 \* ARABIC`) inside a bookmark; a reference to it
 * in the text is a REF field to that bookmark (`REF _Ref_tbl_3 \h`). Both are written with their
 * result already in place — the number this build gave them — so a reader who never updates
 * fields, and LibreOffice, which does not, read the right number too.
 *
 * A builder never types a number: it names the caption with a key (dataTable's `captionKey`,
 * figure's `key`) and asks for a reference to that key, before or after the caption is made.
 * The reference's number is looked up when the document is written (packed), when every caption
 * has been numbered.
 */

export type CaptionKind = 'table' | 'figure';

/** The caption label, which is also the SEQ identifier: Word counts 表 and 图 separately. */
export const captionLabels: Record<CaptionKind, string> = { table: '表', figure: '图' };

const bookmarkPrefixes: Record<CaptionKind, string> = { table: '_Ref_tbl_', figure: '_Ref_fig_' };

interface Numbered {
  number: number;
  bookmark: string;
}

/** The captions of one document being built, numbered in the order they are made. */
export class Captions {
  private readonly counts: Record<CaptionKind, number> = { table: 0, figure: 0 };
  private readonly byKey = new Map<string, Numbered>();

  /**
   * The next number of this kind and its bookmark. The bookmark is named after the number this
   * build gave it (unique in the document); the number itself is a field, so renumbering in Word
   * leaves the bookmark where it is and every REF follows it.
   */
  next(kind: CaptionKind, key?: string): Numbered {
    const number = ++this.counts[kind];
    const numbered = { number, bookmark: `${bookmarkPrefixes[kind]}${number}` };
    if (key !== undefined) {
      const id = keyOf(kind, key);
      if (this.byKey.has(id)) throw new Error(`two ${kind} captions named "${key}"`);
      this.byKey.set(id, numbered);
    }
    return numbered;
  }

  /** How many captions of this kind have been made: the number of the last one. */
  count(kind: CaptionKind): number {
    return this.counts[kind];
  }

  /** The caption a key names, once it has been made. */
  find(kind: CaptionKind, key: string): Numbered | undefined {
    return this.byKey.get(keyOf(kind, key));
  }

  /** The caption a key names; a reference to a caption the document never made is a builder's mistake. */
  resolve(kind: CaptionKind, key: string): Numbered {
    const numbered = this.find(kind, key);
    if (!numbered) throw new Error(`a reference to ${captionLabels[kind]} "${key}", which has no caption`);
    return numbered;
  }
}

function keyOf(kind: CaptionKind, key: string): string {
  return `${kind}:${key}`;
}

/** An element written as the object it is given, when it is written. */
class Written extends XmlComponent {
  constructor(
    name: string,
    private readonly write: () => IXmlableObject,
  ) {
    super(name);
  }

  override prepForXml(_context: IContext): IXmlableObject {
    return this.write();
  }
}

const preserved = { _attr: { 'xml:space': 'preserve' } };

function fieldChar(type: 'begin' | 'separate' | 'end'): Written {
  return new Written('w:fldChar', () => ({ 'w:fldChar': { _attr: { 'w:fldCharType': type } } }));
}

/**
 * A complex field: begin, the instruction, separate and the result as it reads until the field
 * is updated (in one run, where docx's own caption numbering writes a SEQ result when it lays
 * out the pages, so it replaces this one rather than leaving an empty run), end. Both texts are
 * worked out when the document is written.
 */
function complexField(instruction: () => string, result: () => string): TextRun[] {
  return [
    new TextRun({ children: [fieldChar('begin')] }),
    new TextRun({
      children: [new Written('w:instrText', () => ({ 'w:instrText': [preserved, ` ${instruction()} `] }))],
    }),
    new TextRun({ children: [fieldChar('separate'), new Written('w:t', () => ({ 'w:t': [preserved, result()] }))] }),
    new TextRun({ children: [fieldChar('end')] }),
  ];
}

/**
 * 「表 3」 for a caption: the label, then the number as a SEQ field inside the caption's
 * bookmark (only the number, so a REF to it reads 3 and the text around it says 表 or 图).
 */
export function captionNumberRuns(captions: Captions, kind: CaptionKind, key?: string): ParagraphChild[] {
  const { number, bookmark } = captions.next(kind, key);
  return [
    new TextRun(`${captionLabels[kind]} `),
    new Bookmark({
      id: bookmark,
      children: complexField(
        () => `SEQ ${captionLabels[kind]} \\* ARABIC`,
        () => String(number),
      ),
    }),
  ];
}

/**
 * 「表 3」 in running text, pointing at the caption named `key`: the label, a no-break space (so
 * the number never starts a line alone), and a REF field to the caption's bookmark whose result
 * is the caption's number. Both are looked up when the document is written, so the reference may
 * come before its table (「见下表」 → 「见表 3」).
 */
export function captionReferenceRuns(captions: Captions, kind: CaptionKind, key: string): ParagraphChild[] {
  return [
    new TextRun(`${captionLabels[kind]}\u00a0`),
    ...complexField(
      () => `REF ${captions.resolve(kind, key).bookmark} \\h`,
      () => String(captions.resolve(kind, key).number),
    ),
  ];
}
