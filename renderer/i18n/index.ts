import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type TableName, recordTypes } from '../../shared/records';
import { type Label, fieldLabel } from '../../shared/records/fields';
import type { Language } from '../../shared/settings';
import { en } from './en';
import { zhCN } from './zh-CN';

export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
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
