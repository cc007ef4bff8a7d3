import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableName } from '../../shared/records';
import { fieldAction, type MemberRole, type RoleAction, roleMay, valueAction } from '../../shared/roles';
import { serverRoleOf } from '../data/sync/server-roles';
import { roleRefusalText } from '../i18n/role-refusal';
import { useServices } from './services';

export interface ProjectRights {
  /** The signed-in user's server role in the project; undefined when it has none (a project only on this device). */
  role: MemberRole | undefined;
  may(action: RoleAction, table: TableName): boolean;
  /** Whether the user may write this field of a record (its special action, else create / update). */
  mayWriteField(table: TableName, field: string, mode: 'create' | 'update'): boolean;
  /** Whether the user may set `field` to `value` (a status button: 已确认, 已签字, 驳回 …). */
  maySet(table: TableName, field: string, value: unknown, mode?: 'create' | 'update'): boolean;
  /**
   * Why the user may not do `action` on records of `table`, in the UI language (the tooltip of
   * a control disabled for the role); undefined when they may.
   */
  whyNot(action: RoleAction, table: TableName): string | undefined;
  /** The UI language whyNot words its reasons in (a new object when it changes, so screens re-render). */
  language?: string;
}

export function rightsOf(role: MemberRole | undefined): ProjectRights {
  const may = (action: RoleAction, table: TableName) => roleMay(role, action, table);
  return {
    role,
    may,
    mayWriteField: (table, field, mode) => may(fieldAction(table, field) ?? mode, table),
    maySet: (table, field, value, mode = 'update') =>
      may(valueAction(table, field, value) ?? fieldAction(table, field) ?? mode, table),
    whyNot: (action, table) =>
      role === undefined || may(action, table) ? undefined : roleRefusalText({ role, table, actions: [action] }),
  };
}

/**
 * What the user may do in a project, by the same role table the server enforces
 * (shared/roles.ts): controls the role cannot use are hidden or disabled. Until the role is
 * read, and for a project without one, every right.
 */
export function useProjectRights(projectId: string | undefined): ProjectRights {
  const { db } = useServices();
  const role = useLiveQuery(
    async () => (projectId ? ((await serverRoleOf(db, projectId)) ?? null) : null),
    [db, projectId],
  );
  // The language is a dependency: whyNot's texts are worded in it.
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => ({ ...rightsOf(role ?? undefined), language }), [role, language]);
}
