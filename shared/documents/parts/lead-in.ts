import { Paragraph, type ParagraphChild, TextRun } from 'docx';
import { styleIds } from '../kit/styles';

/**
 * A body paragraph that introduces the table after it ("各分节检查项数如下。"): kept on the
 * page of the table's caption, so the sentence never ends a page with its table on the next.
 */
export function leadIn(text: string | ParagraphChild[]): Paragraph {
  const children = typeof text === 'string' ? [new TextRun(text)] : text;
  return new Paragraph({ style: styleIds.body, keepNext: true, keepLines: true, children });
}
