import type { z } from 'zod';
import { assetFields } from './asset';
import { memberFields } from './member';
import { projectFields, projectRules } from './project';
import { defineRecordType, type RowMeta } from './record-type';

export const recordTypes = {
  projects: defineRecordType({
    table: 'projects',
    label: { zh: '项目', en: 'Project' },
    fields: projectFields,
    rules: projectRules,
    title: (p) => `${p.code} ${p.name}`,
  }),
  members: defineRecordType({
    table: 'members',
    label: { zh: '团队成员', en: 'Team member' },
    fields: memberFields,
    title: (m) => m.name,
  }),
  assets: defineRecordType({
    table: 'assets',
    label: { zh: '运维对象', en: 'Asset' },
    fields: assetFields,
    title: (a) => a.name,
  }),
};

export type TableName = keyof typeof recordTypes;
export const tableNames = Object.keys(recordTypes) as TableName[];

export type FieldsOf<T extends TableName> = z.infer<(typeof recordTypes)[T]['fields']>;
/** What a form hands to create(): the fields before defaults are applied. */
export type InputOf<T extends TableName> = z.input<(typeof recordTypes)[T]['fields']>;
export type RowOf<T extends TableName> = FieldsOf<T> & RowMeta;

export function isTableName(value: string): value is TableName {
  return Object.hasOwn(recordTypes, value);
}

export type { RowMeta } from './record-type';
