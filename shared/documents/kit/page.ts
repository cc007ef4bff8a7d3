import { Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import { styleIds } from './styles';

/** Page header: project name on the left, document name on the right, a rule below. */
export function pageHeader(projectName: string, documentName: string): Header {
  return new Header({ children: [new Paragraph({ style: styleIds.header, children: [new TextRun(projectName), new TextRun(`\t${documentName}`)] })] });
}

/**
 * 「第 X 页 共 Y 页」: PAGE and NUMPAGES. The cover counts as page 1 but shows no footer, so the
 * first numbered page is 第 2 页. SECTIONPAGES would leave the cover out, but LibreOffice counts
 * it wrongly (第 14 页 共 13 页) and WPS is not reliable with it either; NUMPAGES is right everywhere.
 */
export function pageFooter(): Footer {
  return new Footer({
    children: [new Paragraph({ style: styleIds.footer, children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'] })] })],
  });
}
