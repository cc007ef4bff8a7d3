import { Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import { styleIds } from './styles';

/** Page header: project name on the left, document name on the right, a rule below. */
export function pageHeader(projectName: string, documentName: string): Header {
  return new Header({
    children: [
      new Paragraph({ style: styleIds.header, children: [new TextRun(projectName), new TextRun(`\t${documentName}`)] }),
    ],
  });
}

/**
 * 「第 X 页 共 Y 页」 under the chapters: PAGE and SECTIONPAGES, the chapters' own section
 * numbered from 1 (the cover and the front matter are not counted).
 */
export function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: styleIds.footer,
        children: [
          new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES_IN_SECTION, ' 页'] }),
        ],
      }),
    ],
  });
}

/** The front matter's footer (修订记录, 目录): the page number alone, in Roman numerals (the section's format). */
export function frontMatterFooter(): Footer {
  return new Footer({
    children: [new Paragraph({ style: styleIds.footer, children: [new TextRun({ children: [PageNumber.CURRENT] })] })],
  });
}
