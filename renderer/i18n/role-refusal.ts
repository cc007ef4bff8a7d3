import i18next from 'i18next';
import { recordTypes } from '../../shared/records';
import { memberRoles } from '../../shared/records/member';
import type { RejectionCode } from '../../shared/sync/protocol';
import { type MemberRole, refusalSentence, type RoleRefusal } from '../../shared/roles';

/** Picks the UI language's side of a label (index.ts has the same; not imported, so the data layer need not load React's i18n binding). */
const pickLabel = (label: { zh: string; en: string } | undefined, language: string) =>
  label ? (language.startsWith('en') ? label.en : label.zh) : '';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** A role's name in the UI language. */
export function roleName(role: MemberRole, language = i18next.language): string {
  return pickLabel(memberRoles[role], language) || role;
}

/**
 * Why the user's role may not do this, in the UI language (roles.* keys): the repository's
 * refusal, and the tooltip of a control the role cannot use. Before i18n is started (tests of
 * the data layer) the Chinese sentence of shared/roles.ts.
 */
export function roleRefusalText(refusal: RoleRefusal): string {
  if (!i18next.isInitialized) return refusalSentence(refusal, 'zh');
  const language = i18next.language;
  const english = language.startsWith('en');
  const typeLabel = pickLabel(recordTypes[refusal.table].label, language);
  const type = english ? typeLabel.toLowerCase() : typeLabel;
  const what = refusal.actions
    .map((action) => i18next.t(`roles.actions.${action}`, { type }))
    .join(i18next.t('roles.separator'));
  return i18next.t('roles.refusal', { role: roleName(refusal.role, language), what });
}

/**
 * A reason the server gave for refusing a change, in the UI language. The server words its
 * reasons "中文 / English": the side of the UI language is shown; a reason with no English side
 * (an older server) is named by its code in English, never shown in Chinese.
 */
export function serverReasonText(reason: string, code: RejectionCode, language = i18next.language): string {
  const slash = reason.indexOf(' / ');
  const [zh, en] = slash < 0 ? [reason, ''] : [reason.slice(0, slash), reason.slice(slash + 3)];
  if (!language.startsWith('en')) return zh;
  if (en && !CJK.test(en)) return en.charAt(0).toUpperCase() + en.slice(1);
  if (!CJK.test(reason)) return reason;
  return code === 'forbidden' ? i18next.t('roles.serverForbidden') : i18next.t('roles.serverRejected', { code });
}
