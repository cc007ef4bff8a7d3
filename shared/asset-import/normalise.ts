/**
 * Text clean-up shared by header guessing and row parsing. Chinese spreadsheets are typed with
 * an IME that easily switches to full-width forms (ＡＢＣ１２３．，：), so the same hostname or IP
 * arrives in two spellings; everything that is matched or validated is folded to half-width first.
 */

const FULL_WIDTH_START = 0xff01; // ！
const FULL_WIDTH_END = 0xff5e; // ～
const FULL_TO_HALF_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Every full-width ASCII form (letters, digits and punctuation) and the ideographic space to half-width. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) out += String.fromCodePoint(code - FULL_TO_HALF_OFFSET);
    else if (code === IDEOGRAPHIC_SPACE) out += ' ';
    else out += char;
  }
  return out;
}

/**
 * Only full-width letters, digits and spaces to half-width: for prose (名称, 备注), where the
 * full-width punctuation ，：（） is simply correct Chinese and must survive an import unchanged.
 */
export function toHalfWidthAlphanumeric(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/g, (char) =>
    char === '\u3000' ? ' ' : String.fromCodePoint(char.codePointAt(0)! - FULL_TO_HALF_OFFSET),
  );
}

/**
 * A header as compared with the alias list: half-width, lower case, without "（必填）"-style
 * remarks in brackets, without the asterisks and colons of form templates, and without spaces
 * or the separators that people use interchangeably ("S/N", "IP-地址", "U 位").
 */
export function headerKey(header: string): string {
  return spacedHeader(header).replace(/ /g, '');
}

/** Like headerKey but keeps single spaces between words, so "host ip" still has a word boundary. */
export function spacedHeader(header: string): string {
  const halfWidth = toHalfWidth(header).toLowerCase();
  const withoutRemarks = halfWidth.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, ' ');
  // A header that is only a bracketed remark keeps its text rather than vanishing.
  const base = withoutRemarks.trim() === '' ? halfWidth : withoutRemarks;
  return base
    .replace(/[*:#.\-_/\\|'"`?？()[\]【】]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A cell value as every field sees it: surrounding whitespace (also full-width) removed. */
export function cleanCell(text: string | undefined, prose: boolean): string {
  if (text === undefined) return '';
  return (prose ? toHalfWidthAlphanumeric(text) : toHalfWidth(text)).trim();
}

/**
 * Words people type into a 序列号 cell when there is none to give: "无", "N/A", "-", "待补充".
 * They say nothing about identity, so every such row is not "the same serial number".
 */
const noSerialWords =
  /^(?:无|没有|暂无|不详|未知|空|缺|待定|待补充|待确认|n\/?a|none|null|nil|unknown|tbd|0+|[-—_/\\.?？*]+)$/i;

/** A serial number as compared for identity: case and width folded, '' for a placeholder. */
export function serialKey(serial: string | undefined): string {
  const text = toHalfWidth(serial ?? '')
    .trim()
    .toLowerCase();
  return noSerialWords.test(text) ? '' : text;
}
