import { HeadingLevel, Paragraph, type ParagraphChild, TextRun } from 'docx';
import type { Gap } from '../checks';
import type { DocumentContext } from './context';
import { keepDatesWhole } from './no-break';
import { BULLET_LIST, ORDERED_LIST, styleIds } from './styles';

const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/**
 * A numbered heading (1 / 1.1 / 1.1.1): the number comes from the heading style's list.
 * `newPage` starts it on a new page (the first chapter after the table of contents).
 */
export function heading(text: string, level: 1 | 2 | 3, options: { newPage?: boolean } = {}): Paragraph {
  const paragraph = new Paragraph({
    heading: headingLevels[level - 1],
    pageBreakBefore: options.newPage,
    spacing: newPageSpacing(options.newPage),
    children: [new TextRun(text)],
  });
  headings.set(paragraph, { text, level });
  return paragraph;
}

/**
 * No space above a paragraph that starts a page: Word drops it there and LibreOffice keeps it,
 * so with it the two would set the page differently and the 目录's page numbers would fit one only.
 */
export function newPageSpacing(newPage: boolean | undefined): { before: number } | undefined {
  return newPage ? { before: 0 } : undefined;
}

/** The headings made by heading(), so a table of contents can be written without laying out the document. */
const headings = new WeakMap<object, { text: string; level: 1 | 2 | 3 }>();

/** The text and level of a paragraph made by heading(), else undefined. */
export function headingOf(block: object): { text: string; level: 1 | 2 | 3 } | undefined {
  return headings.get(block);
}

/** Lines of a multi-line text field, without blank ones. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Body paragraphs (首行缩进 2 字符), one per line of the text. */
export function paragraphs(text: string): Paragraph[] {
  return lines(text).map(
    (line) => new Paragraph({ style: styleIds.body, children: [new TextRun(keepDatesWhole(line))] }),
  );
}

/**
 * Runs of text and references, in order: 「见」, ctx.reference('table', key), 「。」. Text keeps
 * its dates whole as bodyParagraph's does.
 */
export function textRuns(...parts: Array<string | ParagraphChild[]>): ParagraphChild[] {
  return parts.flatMap((part) => (typeof part === 'string' ? [new TextRun(keepDatesWhole(part))] : part));
}

export function bodyParagraph(children: string | ParagraphChild[]): Paragraph {
  return new Paragraph({
    style: styleIds.body,
    children: typeof children === 'string' ? [new TextRun(keepDatesWhole(children))] : children,
  });
}

/** 「标签：值」 as one body paragraph without indent, the label bold. */
export function labelled(label: string, value: string | ParagraphChild[]): Paragraph {
  const valueRuns = typeof value === 'string' ? [new TextRun(keepDatesWhole(value))] : value;
  return new Paragraph({ children: [new TextRun({ text: `${label}：`, bold: true }), ...valueRuns] });
}

/** （1）（2）… restarting at (1) for every list. */
export function orderedList(ctx: DocumentContext, items: Array<string | ParagraphChild[]>): Paragraph[] {
  const instance = ctx.nextListInstance();
  return items.map(
    (item) =>
      new Paragraph({
        numbering: { reference: ORDERED_LIST, level: 0, instance },
        children: typeof item === 'string' ? [new TextRun(keepDatesWhole(item))] : item,
      }),
  );
}

export function bulletList(items: Array<string | ParagraphChild[]>): Paragraph[] {
  return items.map(
    (item) =>
      new Paragraph({
        numbering: { reference: BULLET_LIST, level: 0 },
        children: typeof item === 'string' ? [new TextRun(keepDatesWhole(item))] : item,
      }),
  );
}

/** The visible marker of missing data: 【待补充：…】 in red on yellow, easy to find in Word. */
/** 【待补充：…】 in the text, noted for the export's summary; a gap is quoted in Chinese. */
export function placeholderRun(ctx: DocumentContext, message: string | Gap): TextRun {
  const text = typeof message === 'string' ? message : message.zh;
  ctx.notePlaceholder(text);
  return new TextRun({ text: `【待补充：${text}】`, style: styleIds.placeholder });
}

export function placeholder(ctx: DocumentContext, message: string | Gap): Paragraph {
  return new Paragraph({ style: styleIds.body, children: [placeholderRun(ctx, message)] });
}

/** A value for a table cell or a line: '—' when empty, so a blank never looks like a mistake. */
export function orDash(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const text = String(value).trim();
  return text === '' ? '—' : text;
}
