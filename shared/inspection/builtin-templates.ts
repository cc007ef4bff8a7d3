/**
 * 内置检查模板: baselines a project copies and adapts (the copy keeps `builtinKey`). Each has
 * real commands, thresholds, severities and 整改建议, and names the parsed value that fills an
 * item from pasted command output (see parsers.ts).
 */
import { linuxServer } from './templates/linux';
import { middleware } from './templates/middleware';
import { mysqlDatabase } from './templates/mysql';
import { networkDevice } from './templates/network';
import { oracleDatabase } from './templates/oracle';
import { storageArray } from './templates/storage';
import { windowsServer } from './templates/windows';
import type { BuiltinTemplate } from './templates/define';

export type { BuiltinTemplate } from './templates/define';

export const builtinTemplates: readonly BuiltinTemplate[] = [
  linuxServer,
  windowsServer,
  networkDevice,
  storageArray,
  mysqlDatabase,
  oracleDatabase,
  middleware,
];

export function builtinTemplate(key: string): BuiltinTemplate | undefined {
  return builtinTemplates.find((template) => template.key === key);
}

/** The built-in templates that apply to an asset type (for "start an inspection" pickers). */
export function builtinTemplatesFor(assetType: string): BuiltinTemplate[] {
  return builtinTemplates.filter((template) => (template.assetTypes as string[]).includes(assetType));
}

/**
 * A deep copy of a built-in template's content, to create a project's own template from
 * (checklistTemplateFields: add familyId and version).
 */
export function copyBuiltinTemplate(key: string): Omit<BuiltinTemplate, 'key'> & { builtinKey: string } {
  const template = builtinTemplate(key);
  if (!template) throw new Error(`没有内置模板：${key}`);
  const { key: builtinKey, ...content } = JSON.parse(JSON.stringify(template)) as BuiltinTemplate;
  return { ...content, builtinKey };
}
