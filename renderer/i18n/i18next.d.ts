import 'i18next';
import type { zhCN } from './zh-CN';

// Keys are typed from the Chinese text (the product's first language): t('a.missing.key') fails
// `tsc -p renderer`, and en.ts is typed to have exactly the same keys (UiText).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
