import { fonts } from './styles';

/**
 * Parts of the .docx package that docx writes bare, written in full: the font table and the
 * extended (app) properties.
 */

const xmlHeader = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The fonts the styles name, with their Chinese names as alternatives (w:altName), their
 * character set and PANOSE numbers: Word and WPS then show 宋体 and 黑体 in the font box instead
 * of SimSun and SimHei, and a reader without the font picks a like one (serif for 宋体, sans
 * for 黑体) from the PANOSE class. charset 86 is GB2312.
 */
const fontTableEntries: Array<{
  name: string;
  altName?: string;
  panose: string;
  charset: string;
  family: string;
  pitch: string;
}> = [
  { name: fonts.latin, panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
  {
    name: fonts.song,
    altName: '宋体',
    panose: '02010600030101010101',
    charset: '86',
    family: 'auto',
    pitch: 'variable',
  },
  { name: fonts.hei, altName: '黑体', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: 'Courier New', panose: '02070309020205020404', charset: '00', family: 'modern', pitch: 'fixed' },
];

export function fontTableXml(): string {
  const entries = fontTableEntries
    .map(
      (font) =>
        `<w:font w:name="${escape(font.name)}">${font.altName ? `<w:altName w:val="${escape(font.altName)}"/>` : ''}<w:panose1 w:val="${font.panose}"/><w:charset w:val="${font.charset}"/><w:family w:val="${font.family}"/><w:pitch w:val="${font.pitch}"/></w:font>`,
    )
    .join('');
  return `${xmlHeader}<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries}</w:fonts>`;
}

/** docProps/app.xml: the company (乙方) Word shows under 文件 → 信息 → 属性. */
export function appPropertiesXml(company: string): string {
  return `${xmlHeader}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Fieldbook</Application>${company ? `<Company>${escape(company)}</Company>` : ''}</Properties>`;
}
