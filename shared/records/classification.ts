import type { Label } from './fields';

/** 密级 as Chinese enterprises grade documents. */
export const classifications = {
  public: { zh: '公开', en: 'Public' },
  internal: { zh: '内部', en: 'Internal' },
  secret: { zh: '秘密', en: 'Secret' },
  confidential: { zh: '机密', en: 'Confidential' },
} satisfies Record<string, Label>;
export type Classification = keyof typeof classifications;
