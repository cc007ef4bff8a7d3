import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type TableName, recordTypes } from '../../shared/records';
import { type Label, fieldLabel } from '../../shared/records/fields';
import type { Language } from '../../shared/settings';
import { zhCN } from './zh-CN';

/**
 * Chinese, the first language and the fallback, is in the entry chunk; English is a chunk of its
 * own, loaded before it is first shown (at start, or when the user switches to it).
 */
async function loadLanguage(language: Language): Promise<void> {
  if (language !== 'en' || i18next.hasResourceBundle('en', 'translation')) return;
  const { en } = await import('./en');
  i18next.addResourceBundle('en', 'translation', en);
}

export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
  });
  await loadLanguage(language);
  // Once English is there, render in it (init chose it before its texts were loaded).
  if (language === 'en') await i18next.changeLanguage('en');
}

/** Switches the UI language, loading its texts first. */
export async function changeLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18next.changeLanguage(language);
}

/** Picks the UI language's side of a schema label. */
export function pickLabel(label: Label | undefined, language: string): string {
  if (!label) return '';
  return language.startsWith('en') ? label.en : label.zh;
}

/** A record field's label in the UI language, from its schema. */
export function fieldTitle(table: TableName, field: string, language: string): string {
  return pickLabel(fieldLabel(recordTypes[table].fields, field), language);
}
