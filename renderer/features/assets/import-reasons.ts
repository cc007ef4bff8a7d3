import { localizeValidationMessage } from '../../i18n/validation';

/**
 * Why a row cannot be imported, in the UI language. parseAssetRows writes its reasons in Chinese
 * and names the column as the user's sheet does ("管理IP（多个用逗号分隔）: 不是有效的 IP 地址:
 * 10.0.0.300"); the English UI keeps the sheet's header (it is the user's data, and what they
 * will look for in their file) and puts the rest in English.
 */
export function localizeImportReason(reason: string, language: string): string {
  if (!language.startsWith('en')) return reason;
  const noName = /^请填写名称（(.+)都为空）$/.exec(reason);
  if (noName) return `Please enter a name (${noName[1]!.split('、').join(', ')} are all empty)`;
  const criticality = /^(.+?): 无法识别「(.*)」，请填写 高、中 或 低$/.exec(reason);
  if (criticality) return `${criticality[1]}: "${criticality[2]}" is not recognised; enter high, medium or low`;
  const tooLong = /^(.+?)不能超过 (\d+) 个字符$/.exec(reason);
  if (tooLong) return `${tooLong[1]} must be at most ${tooLong[2]} characters`;
  // "<header>: <schema message>"
  const labelled = /^(.+?): (.+)$/.exec(reason);
  if (labelled) {
    const english = localizeValidationMessage(labelled[2]!, language);
    if (english !== 'Invalid value') return `${labelled[1]}: ${english}`;
  }
  return localizeValidationMessage(reason, language);
}
