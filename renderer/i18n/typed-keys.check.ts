// Type-level checks for the i18n keys: `tsc -p renderer` compiles this file and nothing imports it.
// If keys stopped being typed (i18next.d.ts), the @ts-expect-error lines would be unused: an error.
import i18next from 'i18next';
import type { en } from './en';
import type { UiText } from './zh-CN';

export function typedKeys(): string[] {
  return [
    i18next.t('common.save'),
    // @ts-expect-error a key that zh-CN.ts does not have
    i18next.t('missing.key'),
    // @ts-expect-error a group is not a text
    i18next.t('common'),
  ];
}

// en.ts has exactly the keys of zh-CN.ts: a missing or an extra key is an error there.
export const enIsUiText: UiText = {} as typeof en;
// @ts-expect-error an extra key is refused
export const extraKey: UiText = { ...({} as UiText), common: { ...({} as UiText['common']), extra: 'x' } };
