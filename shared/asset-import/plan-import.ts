/**
 * What an import will do to the project's 运维对象: for each parsed row, create a new asset,
 * update the asset it matches, or leave it as it is. Nothing is written here: the plan is shown
 * to the user first and then handed to Repository.writeMany as one all-or-nothing batch.
 *
 * Importing the same file again must change nothing, and a file exported from Fieldbook must
 * import as all-unchanged: rows are matched to existing assets by identity (serial number,
 * hostname and IP), and only fields that really differ become a patch.
 *
 * Where a row is the same device as another row, or would change an existing asset, the plan
 * offers a choice (merge / import anyway / skip) with a sensible default, and takes the user's
 * choices as input: the preview re-plans whenever one changes.
 */
import type { AssetFields } from '../records/asset';
import type { AssetField } from './header-aliases';
import { cleanCell, serialKey } from './normalise';
import type { ParsedAssetRows } from './parse-rows';

/** An asset already in the project: a stored row (RowOf<'assets'>) fits. */
export type ExistingAsset = { id: string; deleted?: boolean } & Partial<AssetFields>;

/**
 * One write for Repository.writeMany. Declared here because shared/ must not import the
 * renderer; structurally a WriteOp of renderer/data/repository.ts for table 'assets'.
 */
export type AssetWriteOp =
  | { kind: 'create'; table: 'assets'; projectId: string; values: Record<string, unknown> }
  | { kind: 'update'; table: 'assets'; id: string; patch: Record<string, unknown> };

/**
 * What to do with a row that is the same device as another row of the file, or that would
 * change an existing asset: merge it (into that row / into the existing asset), import it as a
 * new asset anyway, or skip it.
 */
export type ImportChoice = 'merge' | 'create' | 'skip';

/** How a row was matched to an existing asset (see findMatch). */
export type MatchRule = 'serial' | 'hostIp' | 'hostname' | 'ip' | 'name';

export type RowDuplicate =
  | {
      /** The same device as an earlier row: same serial number, same hostname + first IP, or the same existing asset. */
      kind: 'row';
      rowNumber: number;
      by: 'serial' | 'hostIp' | 'asset';
      /** Fields both rows fill with different values: a merge keeps the earlier row's. */
      conflicts: FieldConflict[];
    }
  | { kind: 'asset'; assetId: string; assetName: string; by: MatchRule };

export interface FieldChange {
  field: AssetField;
  /** The existing asset's value. */
  from: unknown;
  /** The value the import writes. */
  to: unknown;
}

export interface FieldConflict {
  field: AssetField;
  /** The value of the row merged into (kept). */
  kept: unknown;
  /** This row's value (not taken). */
  dropped: unknown;
}

export interface PlannedRow {
  rowNumber: number;
  /** merged: goes into another row (duplicate.rowNumber) or the asset it matched; skipped: by choice. */
  action: 'create' | 'update' | 'unchanged' | 'merged' | 'skipped';
  /** The row's name (or, for a row matching an asset, the asset's name as stored), for the preview. */
  name: string;
  /** The matched existing asset (update and unchanged, and a choice away from update). */
  assetId?: string;
  /** What an update changes. */
  changedFields: AssetField[];
  /** The same, field by field with the old and the new value: for the preview of a re-import. */
  changes: FieldChange[];
  /** Rows of the file merged into this one. */
  mergedRows: number[];
  /** Present when the row needs a decision: a duplicate of another row, or a row changing an existing asset. */
  duplicate?: RowDuplicate;
  /** The choice in effect (given, or the default) and the ones offered; with duplicate only. */
  choice?: ImportChoice;
  defaultChoice?: ImportChoice;
  choices?: ImportChoice[];
}

export interface AssetImportPlan {
  ops: AssetWriteOp[];
  summary: { create: number; update: number; unchanged: number; merged: number; skipped: number; failed: number };
  /** Every valid row, in sheet order. */
  rows: PlannedRow[];
  /** Rows that will not be imported because they are wrong (parse errors). */
  errors: Array<{ rowNumber: number; reasons: string[] }>;
}

/** The user's decisions, by the row number Excel shows. A choice a row does not offer is ignored. */
export type ImportChoices = Readonly<Record<number, ImportChoice>>;

const allChoices: ImportChoice[] = ['merge', 'create', 'skip'];
const listFields = new Set<AssetField>(['ips', 'tags']);

/** A row of the file as it will be written: its own values plus those of the rows merged into it. */
interface Unit {
  planned: PlannedRow;
  values: AssetFields;
  supplied: Set<AssetField>;
  /** Import anyway: never matched to an existing asset. */
  forceCreate: boolean;
  match?: { asset: ExistingAsset; by: MatchRule };
}

export function planAssetImport(
  projectId: string,
  parsed: Pick<ParsedAssetRows, 'rows' | 'fields'>,
  existingAssets: readonly ExistingAsset[],
  choices: ImportChoices = {},
): AssetImportPlan {
  const index = indexAssets(existingAssets.filter((asset) => !asset.deleted));
  const plan: AssetImportPlan = {
    ops: [],
    summary: { create: 0, update: 0, unchanged: 0, merged: 0, skipped: 0, failed: 0 },
    rows: [],
    errors: [],
  };
  const decide = (planned: PlannedRow, duplicate: RowDuplicate, fallback: ImportChoice): ImportChoice => {
    const given = choices[planned.rowNumber];
    planned.duplicate = duplicate;
    planned.choices = allChoices;
    planned.defaultChoice = fallback;
    planned.choice = given !== undefined && allChoices.includes(given) ? given : fallback;
    return planned.choice;
  };
  // A duplicate that agrees with its row (or only adds to it) is merged by default; one that
  // contradicts it may be another device with a mistyped serial number: skipped until the user says.
  const defaultFor = (conflicts: FieldConflict[]): ImportChoice => (conflicts.length > 0 ? 'skip' : 'merge');

  // 1. Rows that repeat an earlier row of the file go with it, or on their own, or nowhere.
  const units: Unit[] = [];
  const unitByRow = new Map<number, Unit>();
  for (const row of parsed.rows) {
    if (!row.ok) {
      plan.errors.push({ rowNumber: row.rowNumber, reasons: row.reasons });
      continue;
    }
    const planned: PlannedRow = {
      rowNumber: row.rowNumber,
      action: 'create',
      name: row.values.name,
      changedFields: [],
      changes: [],
      mergedRows: [],
    };
    plan.rows.push(planned);
    const target = row.duplicateOf ? unitByRow.get(row.duplicateOf.rowNumber) : undefined;
    if (row.duplicateOf && target) {
      const conflicts = conflictsBetween(target, row.values, row.supplied);
      const choice = decide(
        planned,
        { kind: 'row', rowNumber: row.duplicateOf.rowNumber, by: row.duplicateOf.by, conflicts },
        defaultFor(conflicts),
      );
      if (choice === 'skip') {
        planned.action = 'skipped';
        continue;
      }
      if (choice === 'merge') {
        mergeInto(target, row.values, row.supplied);
        target.planned.mergedRows.push(row.rowNumber);
        planned.action = 'merged';
        continue;
      }
    }
    const unit: Unit = {
      planned,
      values: structuredCloneValues(row.values),
      supplied: new Set(row.supplied),
      forceCreate: planned.choice === 'create',
    };
    units.push(unit);
    unitByRow.set(row.rowNumber, unit);
  }

  // 2. Each remaining row to the existing asset it stands for, at most one row per asset.
  const claimedBy = new Map<string, Unit>();
  const writing: Unit[] = [];
  for (const unit of units) {
    if (unit.forceCreate) {
      writing.push(unit);
      continue;
    }
    const match = findMatch(unit.values, index, claimedBy);
    if (match.kind === 'claimed') {
      const target = match.by;
      const conflicts = conflictsBetween(target, unit.values, [...unit.supplied]);
      const choice = decide(
        unit.planned,
        { kind: 'row', rowNumber: target.planned.rowNumber, by: 'asset', conflicts },
        defaultFor(conflicts),
      );
      if (choice === 'skip') unit.planned.action = 'skipped';
      else if (choice === 'merge') {
        mergeInto(target, unit.values, [...unit.supplied]);
        target.planned.mergedRows.push(unit.planned.rowNumber, ...unit.planned.mergedRows);
        unit.planned.mergedRows = [];
        unit.planned.action = 'merged';
      } else {
        unit.forceCreate = true;
        writing.push(unit);
      }
      continue;
    }
    if (match.kind === 'asset') {
      claimedBy.set(match.asset.id, unit);
      unit.match = { asset: match.asset, by: match.by };
    }
    writing.push(unit);
  }

  // 3. Creates and the updates of what really differs, in sheet order.
  for (const unit of writing) {
    const planned = unit.planned;
    planned.mergedRows.sort((a, b) => a - b);
    const match = unit.match;
    if (!match) {
      plan.ops.push({ kind: 'create', table: 'assets', projectId, values: { ...unit.values } });
      planned.action = 'create';
      continue;
    }
    const asset = match.asset;
    planned.assetId = asset.id;
    planned.name = asset.name || asset.hostname || asset.ips?.[0] || unit.values.name;
    const patch = patchFor(unit.values, unit.supplied, parsed.fields, asset);
    planned.changedFields = Object.keys(patch) as AssetField[];
    planned.changes = planned.changedFields.map((field) => ({
      field,
      from: asset[field] ?? emptyValue(field),
      to: patch[field],
    }));
    if (planned.changedFields.length === 0) {
      planned.action = 'unchanged';
      continue;
    }
    const choice = decide(
      planned,
      { kind: 'asset', assetId: asset.id, assetName: planned.name, by: match.by },
      'merge',
    );
    if (choice === 'merge') {
      plan.ops.push({ kind: 'update', table: 'assets', id: asset.id, patch });
      planned.action = 'update';
    } else if (choice === 'create') {
      plan.ops.push({ kind: 'create', table: 'assets', projectId, values: { ...unit.values } });
      planned.action = 'create';
    } else {
      planned.action = 'skipped';
    }
  }
  // A row merged into a row that is then skipped is skipped with it.
  for (const row of plan.rows) {
    if (row.action !== 'skipped' || row.mergedRows.length === 0) continue;
    for (const merged of plan.rows.filter((other) => row.mergedRows.includes(other.rowNumber)))
      merged.action = 'skipped';
  }

  for (const row of plan.rows) plan.summary[row.action]++;
  plan.summary.failed = plan.errors.length;
  plan.errors.sort((a, b) => a.rowNumber - b.rowNumber);
  return plan;
}

/** Existing assets by each identity, so matching stays fast for lists of thousands. */
interface AssetIndex {
  bySerial: Map<string, ExistingAsset[]>;
  byHostname: Map<string, ExistingAsset[]>;
  byIp: Map<string, ExistingAsset[]>;
  byName: Map<string, ExistingAsset[]>;
  order: Map<ExistingAsset, number>;
}

function indexAssets(live: readonly ExistingAsset[]): AssetIndex {
  const index: AssetIndex = {
    bySerial: new Map(),
    byHostname: new Map(),
    byIp: new Map(),
    byName: new Map(),
    order: new Map(),
  };
  const add = (map: Map<string, ExistingAsset[]>, k: string, asset: ExistingAsset) => {
    if (k === '') return;
    const list = map.get(k);
    if (!list) map.set(k, [asset]);
    else if (!list.includes(asset)) list.push(asset);
  };
  live.forEach((asset, i) => {
    index.order.set(asset, i);
    add(index.bySerial, serialKey(asset.serialNumber), asset);
    add(index.byHostname, key(asset.hostname), asset);
    for (const ip of asset.ips ?? []) add(index.byIp, ip, asset);
    add(index.byName, key(asset.name), asset);
  });
  return index;
}

type Match = { kind: 'asset'; asset: ExistingAsset; by: MatchRule } | { kind: 'claimed'; by: Unit } | { kind: 'none' };

/**
 * The existing asset a row stands for, most reliable identity first:
 * 1. the same serial number (case and surrounding spaces ignored; 无, N/A, - and the like are none);
 * 2. the same hostname and at least one shared IP;
 * 3. when one side lacks what 2 needs: the same hostname with no IPs to compare, or a shared IP
 *    with no hostnames to compare, or (with no serial, hostname or IP on either side) the same name.
 * A different serial number on both sides always means different hardware. An asset that an
 * earlier row of the file already matched is not matched again.
 */
function findMatch(v: AssetFields, index: AssetIndex, claimedBy: Map<string, Unit>): Match {
  const serial = serialKey(v.serialNumber);
  const hostname = key(v.hostname);
  const ips = new Set(v.ips);
  const serialConflicts = (asset: ExistingAsset) =>
    serial !== '' && serialKey(asset.serialNumber) !== '' && serialKey(asset.serialNumber) !== serial;
  const sharesIp = (asset: ExistingAsset) => (asset.ips ?? []).some((ip) => ips.has(ip));
  const sameHost = index.byHostname.get(hostname) ?? [];
  const ipNeighbours = [...new Set([...ips].flatMap((ip) => index.byIp.get(ip) ?? []))].sort(
    (a, b) => index.order.get(a)! - index.order.get(b)!,
  );
  const rules: Array<[MatchRule, () => ExistingAsset[]]> = [
    ['serial', () => (serial === '' ? [] : (index.bySerial.get(serial) ?? []))],
    ['hostIp', () => sameHost.filter((asset) => !serialConflicts(asset) && sharesIp(asset))],
    [
      'hostname',
      () => sameHost.filter((asset) => !serialConflicts(asset) && (ips.size === 0 || (asset.ips ?? []).length === 0)),
    ],
    [
      'ip',
      () =>
        hostname === '' ? ipNeighbours.filter((asset) => !serialConflicts(asset) && key(asset.hostname) === '') : [],
    ],
    [
      'name',
      () =>
        serial === '' && hostname === '' && ips.size === 0
          ? (index.byName.get(key(v.name)) ?? []).filter(
              (asset) =>
                serialKey(asset.serialNumber) === '' && key(asset.hostname) === '' && (asset.ips ?? []).length === 0,
            )
          : [],
    ],
  ];
  // Several assets may share a serial number (one imported anyway): the one that also has the
  // row's hostname, else one of its IPs, is the row's.
  const closeness = (asset: ExistingAsset) =>
    (hostname !== '' && key(asset.hostname) === hostname ? 2 : 0) + (sharesIp(asset) ? 1 : 0);
  for (const [by, rule] of rules) {
    const candidates = rule();
    const free = candidates
      .filter((asset) => !claimedBy.has(asset.id))
      .reduce<ExistingAsset | undefined>(
        (best, asset) => (best === undefined || closeness(asset) > closeness(best) ? asset : best),
        undefined,
      );
    if (free) return { kind: 'asset', asset: free, by };
    if (candidates.length > 0) return { kind: 'claimed', by: claimedBy.get(candidates[0]!.id)! };
  }
  return { kind: 'none' };
}

/**
 * The fields of the row that differ from the asset. Only mapped columns with a value count: a
 * blank cell never erases what the project already knows (customer lists are often partial),
 * and a field the sheet has no column for is left alone.
 */
function patchFor(
  values: AssetFields,
  supplied: ReadonlySet<AssetField>,
  fields: readonly AssetField[],
  asset: ExistingAsset,
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const field of fields) {
    if (!supplied.has(field)) continue;
    const next = values[field];
    if (!sameFieldValue(field, asset[field], next)) patch[field] = next;
  }
  return patch;
}

/**
 * Equal as far as an import is concerned: lists as sets (order in a cell is not meaningful),
 * text after the same clean-up the import applies, so a value typed in the app with full-width
 * digits or trailing spaces is not "changed" by re-importing its own export.
 */
function sameFieldValue(field: AssetField, current: unknown, next: unknown): boolean {
  if (Array.isArray(next)) {
    const have = Array.isArray(current) ? (current as unknown[]) : [];
    return have.length === next.length && next.every((item) => have.includes(item));
  }
  const prose = field === 'name' || field === 'notes';
  return cleanCell(typeof current === 'string' ? current : '', prose) === cleanCell(String(next), prose);
}

/**
 * A duplicate row's values added to the row it is merged into: what that row left blank is
 * filled, IP addresses and tags are joined; where both have a value, the earlier row's stays.
 */
function mergeInto(target: Unit, values: AssetFields, supplied: readonly AssetField[]): void {
  const into = target.values as Record<AssetField, unknown>;
  for (const field of supplied) {
    if (listFields.has(field)) {
      const have = (into[field] as string[] | undefined) ?? [];
      into[field] = [...have, ...(values[field] as string[]).filter((item) => !have.includes(item))];
      target.supplied.add(field);
    } else if (!target.supplied.has(field)) {
      into[field] = values[field];
      target.supplied.add(field);
    }
  }
}

/** Fields both fill with different values (lists are joined, never in conflict; serial and hostname in any case). */
function conflictsBetween(target: Unit, values: AssetFields, supplied: readonly AssetField[]): FieldConflict[] {
  const conflicts: FieldConflict[] = [];
  for (const field of supplied) {
    if (listFields.has(field) || !target.supplied.has(field)) continue;
    const kept = target.values[field];
    const dropped = values[field];
    const caseless = field === 'serialNumber' || field === 'hostname';
    const same = caseless ? key(String(kept)) === key(String(dropped)) : sameFieldValue(field, kept, dropped);
    if (!same) conflicts.push({ field, kept, dropped });
  }
  return conflicts;
}

function structuredCloneValues(values: AssetFields): AssetFields {
  return { ...values, ips: [...values.ips], tags: [...values.tags] };
}

/** What an asset stored without the field holds: '' or []. */
function emptyValue(field: AssetField): unknown {
  return listFields.has(field) ? [] : '';
}

function key(value: string | undefined): string {
  return (value ?? '').trim().toLowerCase();
}
