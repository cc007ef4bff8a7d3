import {
  AlignmentType,
  BorderStyle,
  type INumberingOptions,
  type IStylesOptions,
  LevelFormat,
  LevelSuffix,
  LineRuleType,
} from 'docx';
import { fontSize, type PageGeometry } from './units';

/**
 * The fonts of a Chinese enterprise document: 宋体 body, 黑体 headings, Times New Roman for Latin
 * text and digits. The English names are written because Word and WPS know the fonts by both
 * names, while LibreOffice maps only "SimSun" (not "宋体") to its serif CJK substitute; with
 * "宋体" the body would render sans-serif there.
 */
export const fonts = {
  song: 'SimSun',
  hei: 'SimHei',
  latin: 'Times New Roman',
} as const;

const bodyFont = { ascii: fonts.latin, hAnsi: fonts.latin, cs: fonts.latin, eastAsia: fonts.song };
const headingFont = { ascii: fonts.latin, hAnsi: fonts.latin, cs: fonts.latin, eastAsia: fonts.hei };

export const colors = {
  text: '000000',
  border: '000000',
  headerFill: 'D9D9D9',
  muted: '595959',
  placeholder: 'C00000',
  /** Risk levels and overdue flags: light enough to print and to read black text on. */
  high: 'F4B084',
  medium: 'FFE699',
  low: 'C6E0B4',
  overdue: 'C00000',
} as const;

/** Style ids used across the kit and the documents. */
export const styleIds = {
  body: 'BodyText',
  tableText: 'TableText',
  /** 小五 table text, for long tables with many columns (bulkTable's compact option). */
  tableTextSmall: 'TableTextSmall',
  /** Pasted command output: monospace, 小五, no indent. */
  code: 'CodeBlock',
  frontTitle: 'FrontTitle',
  caption: 'Caption',
  header: 'Header',
  footer: 'Footer',
  placeholder: 'Placeholder',
  coverText: 'CoverText',
} as const;

export const HEADING_NUMBERING = 'heading-numbering';
export const ORDERED_LIST = 'ordered-list';
export const BULLET_LIST = 'bullet-list';

/**
 * Line heights as 固定值 (exact), the way Chinese house styles state them (正文 小四, 固定值 20 磅).
 * A multiple ("1.5 倍行距") is a multiple of the font's own line height, which differs between
 * 宋体 and the fonts standing in for it (Noto CJK is 45 % taller), so the same document would
 * paginate differently in Word, WPS and LibreOffice and the 目录's page numbers would be right
 * in one of them only. Exact heights give every reader the same lines per page.
 */
export const lineHeights = {
  /** 正文 小四 and 目录 entries. */
  body: 400,
  /** 五号 table text and captions. */
  table: 320,
  /** 小五 table text, code, header and footer. */
  small: 280,
  /** Headings 三号 / 四号 / 小四 and the front titles. */
  heading1: 560,
  heading2: 480,
  heading3: 400,
} as const;
const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT });

export function documentStyles(page: PageGeometry): IStylesOptions {
  const heading = (size: number, before: number, after: number, line: number) => ({
    basedOn: 'Normal',
    next: styleIds.body,
    quickFormat: true,
    run: { font: headingFont, size, bold: true, color: colors.text },
    paragraph: {
      spacing: { before, after, ...exact(line) },
      keepNext: true,
      keepLines: true,
      alignment: AlignmentType.LEFT,
    },
  });
  const toc = (level: number) => ({
    id: `TOC${level}`,
    name: `toc ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    uiPriority: 39,
    run: level === 1 ? { font: headingFont, size: fontSize('小四') } : { size: fontSize('小四') },
    paragraph: {
      indent: { left: (level - 1) * 480 },
      spacing: { before: level === 1 ? 60 : 0, after: 0, ...exact(lineHeights.body) },
    },
  });
  return {
    default: {
      document: {
        run: { font: bodyFont, size: fontSize('小四'), language: { value: 'en-US', eastAsia: 'zh-CN' } },
        // Left, not justified: a line with a long Latin word or date would be spread out character by
        // character (任 务 “ 知 识); a line of ideographs alone ends within one character of the margin anyway.
        paragraph: { spacing: exact(lineHeights.body), alignment: AlignmentType.LEFT },
      },
      heading1: {
        ...heading(fontSize('三号'), 360, 120, lineHeights.heading1),
        paragraph: {
          ...heading(0, 360, 120, lineHeights.heading1).paragraph,
          numbering: { reference: HEADING_NUMBERING, level: 0 },
        },
      },
      heading2: {
        ...heading(fontSize('四号'), 240, 60, lineHeights.heading2),
        paragraph: {
          ...heading(0, 240, 60, lineHeights.heading2).paragraph,
          numbering: { reference: HEADING_NUMBERING, level: 1 },
        },
      },
      heading3: {
        ...heading(fontSize('小四'), 120, 60, lineHeights.heading3),
        paragraph: {
          ...heading(0, 120, 60, lineHeights.heading3).paragraph,
          numbering: { reference: HEADING_NUMBERING, level: 2 },
        },
      },
      caption: {
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: headingFont, size: fontSize('五号'), color: colors.text, italics: false },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { before: 60, after: 120, ...exact(lineHeights.table) },
          keepLines: true,
        },
      },
    },
    paragraphStyles: [
      {
        id: styleIds.body,
        name: 'Body Text',
        basedOn: 'Normal',
        next: styleIds.body,
        quickFormat: true,
        // 首行缩进 2 字符: the chars value scales with the font; the twips value is for readers that ignore it.
        paragraph: {
          indent: { firstLine: 480, firstLineChars: 200 },
          spacing: { before: 0, after: 0, ...exact(lineHeights.body) },
        },
      },
      {
        id: styleIds.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        next: styleIds.tableText,
        run: { size: fontSize('五号') },
        paragraph: { spacing: { before: 0, after: 0, ...exact(lineHeights.table) }, alignment: AlignmentType.LEFT },
      },
      {
        id: styleIds.tableTextSmall,
        name: 'Table Text Small',
        basedOn: styleIds.tableText,
        next: styleIds.tableTextSmall,
        run: { size: fontSize('小五') },
        paragraph: { spacing: { before: 0, after: 0, ...exact(lineHeights.small) } },
      },
      {
        id: styleIds.code,
        name: 'Code Block',
        basedOn: 'Normal',
        next: 'Normal',
        run: {
          font: { ascii: 'Courier New', hAnsi: 'Courier New', cs: 'Courier New', eastAsia: fonts.song },
          size: fontSize('小五'),
        },
        paragraph: {
          spacing: { before: 0, after: 0, ...exact(lineHeights.small) },
          alignment: AlignmentType.LEFT,
          indent: { left: 240 },
        },
      },
      {
        id: styleIds.frontTitle,
        name: 'Front Title',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: headingFont, size: fontSize('三号'), bold: true },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { before: 240, after: 240, ...exact(lineHeights.heading1) },
          keepNext: true,
        },
      },
      {
        id: styleIds.coverText,
        name: 'Cover Text',
        basedOn: 'Normal',
        next: styleIds.coverText,
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        },
      },
      {
        id: styleIds.header,
        name: 'header',
        basedOn: 'Normal',
        run: { size: fontSize('小五'), color: colors.muted },
        paragraph: {
          spacing: { before: 0, after: 0, ...exact(lineHeights.small) },
          rightTabStop: page.textWidth,
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: colors.border, space: 1 } },
        },
      },
      {
        id: styleIds.footer,
        name: 'footer',
        basedOn: 'Normal',
        run: { size: fontSize('小五') },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, ...exact(lineHeights.small) } },
      },
      toc(1),
      toc(2),
      toc(3),
    ],
    characterStyles: [
      {
        id: styleIds.placeholder,
        name: 'Placeholder (待补充)',
        basedOn: 'DefaultParagraphFont',
        // Shading, not highlight: Word does not allow highlight in a style (the validator rejects it).
        run: { color: colors.placeholder, bold: true, shading: { type: 'clear', color: 'auto', fill: 'FFFF00' } },
      },
    ],
  };
}

/**
 * Heading numbers 1 / 1.1 / 1.1.1 as one Word list linked to the heading styles, so headings a
 * reader adds in Word are numbered too, and Word's own table of contents shows the numbers.
 */
export function documentNumbering(): INumberingOptions {
  const headingLevel = (level: number) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: Array.from({ length: level + 1 }, (_, i) => `%${i + 1}`).join('.'),
    alignment: AlignmentType.LEFT,
    suffix: LevelSuffix.SPACE,
    isLegalNumberingStyle: true,
    style: { paragraph: { indent: { left: 0, hanging: 0 } } },
  });
  const listIndent = (level: number) => ({ indent: { left: 480 * (level + 1) + 360, hanging: 360 } });
  return {
    config: [
      { reference: HEADING_NUMBERING, levels: [0, 1, 2, 3].map(headingLevel) },
      {
        reference: ORDERED_LIST,
        levels: [
          {
            level: 0,
            format: LevelFormat.DECIMAL,
            text: '（%1）',
            alignment: AlignmentType.LEFT,
            suffix: LevelSuffix.NOTHING,
            style: { paragraph: { indent: { left: 480 + 600, hanging: 600 } } },
          },
          {
            level: 1,
            format: LevelFormat.LOWER_LETTER,
            text: '%2）',
            alignment: AlignmentType.LEFT,
            suffix: LevelSuffix.NOTHING,
            style: { paragraph: listIndent(1) },
          },
        ],
      },
      {
        reference: BULLET_LIST,
        levels: [
          {
            level: 0,
            format: LevelFormat.BULLET,
            text: '●',
            alignment: AlignmentType.LEFT,
            suffix: LevelSuffix.TAB,
            style: { paragraph: listIndent(0), run: { size: fontSize('小五') } },
          },
          {
            level: 1,
            format: LevelFormat.BULLET,
            text: '○',
            alignment: AlignmentType.LEFT,
            suffix: LevelSuffix.TAB,
            style: { paragraph: listIndent(1), run: { size: fontSize('小五') } },
          },
        ],
      },
    ],
  };
}
