import {
  builtinTemplates as builtins,
  copyBuiltinTemplate,
  exportTemplateXlsx,
  importTemplateXlsx,
} from '../../../../shared/inspection';
import type { TemplateContent, TemplateRow } from './template-ops';

/** The built-in baselines a project copies and adapts. */
export const builtinTemplates = builtins.map((template) => ({
  ...copyBuiltinTemplate(template.key),
  key: template.key,
}));

export function exportTemplate(template: TemplateRow): Promise<Uint8Array> {
  return exportTemplateXlsx(template);
}

/** Reads a template shared as .xlsx; refuses it with every problem and its row number. */
export async function importTemplate(bytes: Uint8Array): Promise<TemplateContent> {
  const result = await importTemplateXlsx(bytes);
  if (!result.ok) {
    throw new Error(
      result.errors
        .map((e) => `${e.sheet}${e.row ? ` 第 ${e.row} 行` : ''}${e.column ? `（${e.column}）` : ''}：${e.message}`)
        .join('；'),
    );
  }
  const { name, assetTypes, description, sections, items } = result.template;
  return { name, assetTypes, description, sections, items };
}
