import { sharedFieldDefaults } from './records/defaults';
import { type TableName, recordTypes } from './records/index';
import { type MemberRole, memberRoles } from './records/member';

/**
 * What each role may do in a project: THE table. The server refuses a pushed change whose
 * author's role does not allow it (server/sync/apply-changes.ts), the device refuses to write it
 * and hides or disables the controls (renderer/data/project-role.ts), both through
 * `changeRefusal` / `roleMay` below.
 *
 * A role is a project membership on the server (memberships.role). A team record's role
 * (members.role) uses the same keys: the people on a project's team list, with or without an
 * account. Without a server role (a project that only lives on this device, or before its first
 * sync) the device has every right.
 */

export type { MemberRole } from './records/member';

export const roleActions = [
  'create',
  'update',
  'delete',
  'confirm',
  'sign',
  'approve',
  'manageMembers',
  'renameProject',
] as const;
export type RoleAction = (typeof roleActions)[number];

export const roleActionLabels: Record<RoleAction, { zh: string; en: string }> = {
  create: { zh: '新增', en: 'create' },
  update: { zh: '修改', en: 'edit' },
  delete: { zh: '删除', en: 'delete' },
  confirm: { zh: '确认需求', en: 'confirm requirements' },
  sign: { zh: '签字确认', en: 'sign off' },
  approve: { zh: '审批变更', en: 'approve changes' },
  manageMembers: { zh: '管理项目成员', en: 'manage members' },
  renameProject: { zh: '修改项目名称和编号', en: 'rename the project' },
};

/**
 * Who writes which records (create, update, delete):
 *   project     the project's own row (customer, phase, zone …): the project manager
 *   management  what is agreed with the customer: charter, SLA, feasibility, service design,
 *               stakeholders, milestones
 *   work        everything else the engineers record on site
 * The team list (members) is written under manageMembers only.
 */
type RecordGroup = 'project' | 'management' | 'work';
const managementTables: readonly TableName[] = [
  'charter',
  'sla',
  'feasibility',
  'serviceDesign',
  'stakeholders',
  'milestones',
];

export function recordGroupOf(table: TableName): RecordGroup | 'team' {
  if (table === 'projects') return 'project';
  if (table === 'members') return 'team';
  return managementTables.includes(table) ? 'management' : 'work';
}

type SpecialAction = Exclude<RoleAction, 'create' | 'update' | 'delete'>;

interface RoleGrant {
  /** Groups whose records the role creates, edits and deletes. */
  writes: readonly RecordGroup[];
  /** Record types the role may only add to (a customer reports an incident). */
  createsOnly?: readonly TableName[];
  actions: readonly SpecialAction[];
}

export const roleGrants: Record<MemberRole, RoleGrant> = {
  pm: {
    writes: ['project', 'management', 'work'],
    actions: ['confirm', 'sign', 'approve', 'manageMembers', 'renameProject'],
  },
  techLead: { writes: ['management', 'work'], actions: ['confirm', 'sign', 'approve'] },
  // On site the engineer's device is where the customer signs (the drawn signature at the rack),
  // so recording a signature — and taking it back to re-check — is theirs too.
  engineer: { writes: ['work'], actions: ['sign'] },
  // The second line reviews changes technically.
  expert: { writes: ['work'], actions: ['sign', 'approve'] },
  // The customer's side confirms, signs and approves; it may report an incident, not edit one.
  customerContact: { writes: [], createsOnly: ['incidents'], actions: ['confirm', 'sign', 'approve'] },
  observer: { writes: [], actions: [] },
};

/** Whether `role` may do `action` on records of `table` (or to the project, for the special actions). */
export function roleMay(role: MemberRole | undefined, action: RoleAction, table: TableName): boolean {
  if (role === undefined) return true;
  const grant = roleGrants[role];
  if (!grant) return false;
  if (action !== 'create' && action !== 'update' && action !== 'delete') return grant.actions.includes(action);
  const group = recordGroupOf(table);
  if (group === 'team') return grant.actions.includes('manageMembers');
  if (grant.writes.includes(group)) return true;
  return action === 'create' && (grant.createsOnly ?? []).includes(table);
}

/**
 * Fields written only under a special action (on any write of that record type), and status
 * values that are the action itself: setting a requirement 已确认 confirms it, setting an
 * inspection or an issued document 已签字 signs it — and taking a signature back (reopening a
 * signed inspection) needs the same right.
 */
const actionFields: Partial<Record<TableName, Partial<Record<string, SpecialAction>>>> = {
  projects: { code: 'renameProject', name: 'renameProject' },
  requirements: { confirmedBy: 'confirm', confirmedAt: 'confirm' },
  // Reopening records why a signature was taken back: part of the same right.
  inspections: { signerName: 'sign', signerTitle: 'sign', signedAt: 'sign', signature: 'sign', reopenings: 'sign' },
  // The approver records their own name with the decision.
  changeRecords: {
    approver: 'approve',
    approvalDecision: 'approve',
    approvedAt: 'approve',
    approvalComment: 'approve',
  },
};
const actionStates: Partial<
  Record<TableName, { field: string; values: Record<string, SpecialAction>; leaving?: boolean }>
> = {
  requirements: { field: 'status', values: { confirmed: 'confirm' } },
  inspections: { field: 'status', values: { signed: 'sign' }, leaving: true },
  documentExports: { field: 'status', values: { signed: 'sign' }, leaving: true },
  changeRecords: { field: 'state', values: { rejected: 'approve' } },
};

/** The special action a field of a record type is written under, if any (for forms: read-only without it). */
export function fieldAction(table: TableName, field: string): SpecialAction | undefined {
  return actionFields[table]?.[field];
}

/** The special action that setting `field` to `value` is, if any (a status button). */
export function valueAction(table: TableName, field: string, value: unknown): SpecialAction | undefined {
  const states = actionStates[table];
  return states && states.field === field && typeof value === 'string' ? states.values[value] : undefined;
}

/** Whether two values read the same as JSON. Strings and booleans compare directly (the common case, twice per field of every change). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isTextOrFlag(a) && isTextOrFlag(b)) return false;
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
function isTextOrFlag(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean';
}

/**
 * What a change asks for: `fields` written to a row that was `before` (undefined: a new row).
 * A special field counts only when its value changes (a new row's empty fields ask nothing).
 */
export function changeActions(
  table: TableName,
  fields: Readonly<Record<string, unknown>>,
  before: Readonly<Record<string, unknown>> | undefined,
): RoleAction[] {
  const actions = new Set<RoleAction>();
  if (fields.deleted === true || (fields.deleted === false && before?.deleted === true)) actions.add('delete');
  if (table === 'members') return ['manageMembers'];
  // A stored row may lack a field (the server keeps what was written): it holds its default.
  const defaults = sharedFieldDefaults(table);
  const shape = recordTypes[table].fields.shape as Record<string, unknown>;
  let plain = false;
  for (const [field, value] of Object.entries(fields)) {
    if (!Object.hasOwn(shape, field)) continue;
    const old = before?.[field] ?? defaults[field];
    if (sameJson(value, old)) continue;
    const states = actionStates[table];
    const special =
      fieldAction(table, field) ??
      valueAction(table, field, value) ??
      (states?.leaving && states.field === field ? valueAction(table, field, old) : undefined);
    if (special) actions.add(special);
    else plain = true;
  }
  if (!before) actions.add('create');
  else if (plain) actions.add('update');
  return [...actions];
}

/** Why a role may not write a change: the actions it asked for that the role lacks. */
export interface RoleRefusal {
  role: MemberRole;
  table: TableName;
  /** In the order changeActions lists them; never empty. */
  actions: RoleAction[];
}

/** What `role` may not do in this change; null when it may do all of it. */
export function changeRefusalOf(
  role: MemberRole | undefined,
  table: TableName,
  fields: Readonly<Record<string, unknown>>,
  before: Readonly<Record<string, unknown>> | undefined,
): RoleRefusal | null {
  if (role === undefined) return null;
  const denied = changeActions(table, fields, before).filter((action) => !roleMay(role, action, table));
  return denied.length === 0 ? null : { role, table, actions: denied };
}

const isRecordAction = (a: RoleAction) => a === 'create' || a === 'update' || a === 'delete';
/** "a technical lead", "an observer". */
const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

/**
 * A refusal in one language, from the labels above: the sentence a server log or an old client
 * reads. The app words it through its i18n keys (renderer/i18n/role-refusal.ts).
 */
export function refusalSentence(refusal: RoleRefusal, language: 'zh' | 'en'): string {
  const label = memberRoles[refusal.role] ?? { zh: refusal.role, en: refusal.role };
  const type = recordTypes[refusal.table].label;
  if (language === 'zh') {
    const what = refusal.actions
      .map((a) => (isRecordAction(a) ? `${roleActionLabels[a].zh}${type.zh}` : roleActionLabels[a].zh))
      .join('、');
    return `你在该项目中的角色是“${label.zh}”，不能${what}`;
  }
  const what = refusal.actions
    .map((a) =>
      isRecordAction(a) ? `${roleActionLabels[a].en} ${type.en.toLowerCase()} records` : roleActionLabels[a].en,
    )
    .join(', ');
  return `${withArticle(label.en.toLowerCase())} may not ${what} in this project`;
}

/**
 * Why `role` may not write this change, Chinese then English after a slash (the reason the
 * server sends with a rejection, beside the structured refusal); null when it may.
 */
export function changeRefusal(
  role: MemberRole | undefined,
  table: TableName,
  fields: Readonly<Record<string, unknown>>,
  before: Readonly<Record<string, unknown>> | undefined,
): string | null {
  const refusal = changeRefusalOf(role, table, fields, before);
  return refusal && `${refusalSentence(refusal, 'zh')} / ${refusalSentence(refusal, 'en')}`;
}

let attachmentFieldList: Array<{ table: TableName; field: string }> | undefined;
/** Every attachment field (widget 'attachments') of every record type, by table. */
function attachmentFields(): Array<{ table: TableName; field: string }> {
  if (attachmentFieldList) return attachmentFieldList;
  const found: Array<{ table: TableName; field: string }> = [];
  for (const [table, type] of Object.entries(recordTypes) as Array<[TableName, (typeof recordTypes)[TableName]]>) {
    for (const [field, schema] of Object.entries(
      type.fields.shape as Record<string, { meta?: () => { widget?: string } | undefined }>,
    )) {
      if (schema.meta?.()?.widget === 'attachments') found.push({ table, field });
    }
  }
  attachmentFieldList = found;
  return found;
}

/**
 * Whether `role` may write some record that carries attachments — the upload of an
 * attachment's bytes (PUT /v1/blobs) is allowed only then: a role that can attach nothing
 * anywhere (an observer) has nothing to upload. A field written under a special action (an
 * inspection's drawn signature under `sign`) needs that action, any other the right to create
 * or edit its record.
 */
export function roleMayUploadAttachments(role: MemberRole | undefined): boolean {
  return attachmentFields().some(({ table, field }) =>
    (['create', 'update'] as const).some((mode) => roleMay(role, fieldAction(table, field) ?? mode, table)),
  );
}

/** Why `role` may not upload attachments, Chinese then English (PUT /v1/blobs answers 403 with it). */
export function uploadRefusal(role: MemberRole): string {
  const label = memberRoles[role] ?? { zh: role, en: role };
  return `你在该项目中的角色是“${label.zh}”，不能上传附件 / ${withArticle(label.en.toLowerCase())} may not upload attachments in this project`;
}
