import i18next from 'i18next';

/**
 * Who this device's edits and answers are by: the name given in 设置 (or at first start), else
 * 本机用户 in the UI language, so an English user who skipped the question is not 本机用户.
 */
export function authorName(userName: string | undefined): string {
  return userName?.trim() || i18next.t('identity.unnamedAuthor');
}
