/**
 * What an import will do to the project's 运维对象: for each parsed row, create a new asset,
 * update the asset it matches, or leave it as it is. Nothing is written here: the plan is shown
 * to the user first and then handed to Repository.writeMany as one all-or-nothing batch.
 *
 * Importing the same file again must change nothing, and a file exported from Fieldbook must
 * import as all-unchanged: rows are matched to existing assets by identity (serial number,
 * hostname and IP), and only fields that really differ become a patch.
 */
import type { AssetFields } from '../records/asset';
import type { AssetField } from './header-aliases';
import { cleanCell } from './normalise';
import type { ParsedAssetRow, ParsedAssetRows } from './parse-rows';

/** An asset already in the project: a stored row (RowOf<'assets'>) fits. */
export type ExistingAsset = { id: string; deleted?: boolean } & Partial<AssetFields>;

/**
 * One write for Repository.writeMany. Declared here because shared/ must not import the
 * renderer; structurally a WriteOp of renderer/data/repository.ts for table 'assets'.
 */
export type AssetWriteOp =
  | { kind: 'create'; table: 'assets'; projectId: string; values: Record<string, unknown> }
  | { kind: 'update'; table: 'assets'; id: string; patch: Record<string, unknown> };

export interface PlannedRow {
  rowNumber: number;
  action: 'create' | 'update' | 'unchanged';
  /** The matched existing asset (update and unchanged). */
  assetId?: string;
  /** What an update changes. */
  changedFields: AssetField[];
}

export interface AssetImportPlan {
  ops: AssetWriteOp[];
  summary: { create: number; update: number; unchanged: number; failed: number };
  rows: PlannedRow[];
  /** Rows that will not be imported: parse errors and rows claiming an asset another row already matched. */
  errors: Array<{ rowNumber: number; reasons: string[] }>;
}

type ValidRow = Extract<ParsedAssetRow, { ok: true }>;

export function planAssetImport(
  projectId: string,
  parsed: Pick<ParsedAssetRows, 'rows' | 'fields'>,
  existingAssets: readonly ExistingAsset[],
): AssetImportPlan {
  const index = indexAssets(existingAssets.filter((asset) => !asset.deleted));
  const claimedBy = new Map<string, number>();
  const plan: AssetImportPlan = { ops: [], summary: { create: 0, update: 0, unchanged: 0, failed: 0 }, rows: [], errors: [] };

  for (const row of parsed.rows) {
    if (!row.ok) {
      plan.errors.push({ rowNumber: row.rowNumber, reasons: row.reasons });
      continue;
    }
    const match = findMatch(row, index, claimedBy);
    if (match.kind === 'claimed') {
      plan.errors.push({ rowNumber: row.rowNumber, reasons: [`与第 ${match.byRow} 行对应同一个已有运维对象`] });
      continue;
    }
    if (match.kind === 'none') {
      plan.ops.push({ kind: 'create', table: 'assets', projectId, values: { ...row.values } });
      plan.rows.push({ rowNumber: row.rowNumber, action: 'create', changedFields: [] });
      continue;
    }
    const asset = match.asset;
    claimedBy.set(asset.id, row.rowNumber);
    const patch = patchFor(row, parsed.fields, asset);
    const changedFields = Object.keys(patch) as AssetField[];
    if (changedFields.length > 0) plan.ops.push({ kind: 'update', table: 'assets', id: asset.id, patch });
    plan.rows.push({ rowNumber: row.rowNumber, action: changedFields.length > 0 ? 'update' : 'unchanged', assetId: asset.id, changedFields });
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
  const index: AssetIndex = { bySerial: new Map(), byHostname: new Map(), byIp: new Map(), byName: new Map(), order: new Map() };
  const add = (map: Map<string, ExistingAsset[]>, k: string, asset: ExistingAsset) => {
    if (k === '') return;
    const list = map.get(k);
    if (!list) map.set(k, [asset]);
    else if (!list.includes(asset)) list.push(asset);
  };
  live.forEach((asset, i) => {
    index.order.set(asset, i);
    add(index.bySerial, key(asset.serialNumber), asset);
    add(index.byHostname, key(asset.hostname), asset);
    for (const ip of asset.ips ?? []) add(index.byIp, ip, asset);
    add(index.byName, key(asset.name), asset);
  });
  return index;
}

type Match = { kind: 'asset'; asset: ExistingAsset } | { kind: 'claimed'; byRow: number } | { kind: 'none' };

/**
 * The existing asset a row stands for, most reliable identity first:
 * 1. the same serial number (case and surrounding spaces ignored);
 * 2. the same hostname and at least one shared IP;
 * 3. when one side lacks what 2 needs: the same hostname with no IPs to compare, or a shared IP
 *    with no hostnames to compare, or (with no serial, hostname or IP on either side) the same name.
 * A different serial number on both sides always means different hardware. An asset that an
 * earlier row of the file already matched is not matched again.
 */
function findMatch(row: ValidRow, index: AssetIndex, claimedBy: Map<string, number>): Match {
  const v = row.values;
  const serial = key(v.serialNumber);
  const hostname = key(v.hostname);
  const ips = new Set(v.ips);
  const serialConflicts = (asset: ExistingAsset) => serial !== '' && key(asset.serialNumber) !== '' && key(asset.serialNumber) !== serial;
  const sharesIp = (asset: ExistingAsset) => (asset.ips ?? []).some((ip) => ips.has(ip));
  const sameHost = index.byHostname.get(hostname) ?? [];
  const ipNeighbours = [...new Set([...ips].flatMap((ip) => index.byIp.get(ip) ?? []))].sort(
    (a, b) => index.order.get(a)! - index.order.get(b)!,
  );
  const rules: Array<() => ExistingAsset[]> = [
    () => (serial === '' ? [] : (index.bySerial.get(serial) ?? [])),
    () => sameHost.filter((asset) => !serialConflicts(asset) && sharesIp(asset)),
    () => sameHost.filter((asset) => !serialConflicts(asset) && (ips.size === 0 || (asset.ips ?? []).length === 0)),
    () => (hostname === '' ? ipNeighbours.filter((asset) => !serialConflicts(asset) && key(asset.hostname) === '') : []),
    () =>
      serial === '' && hostname === '' && ips.size === 0
        ? (index.byName.get(key(v.name)) ?? []).filter(
            (asset) => key(asset.serialNumber) === '' && key(asset.hostname) === '' && (asset.ips ?? []).length === 0,
          )
        : [],
  ];
  for (const rule of rules) {
    const candidates = rule();
    const free = candidates.find((asset) => !claimedBy.has(asset.id));
    if (free) return { kind: 'asset', asset: free };
    if (candidates.length > 0) return { kind: 'claimed', byRow: claimedBy.get(candidates[0]!.id)! };
  }
  return { kind: 'none' };
}

/**
 * The fields of the row that differ from the asset. Only mapped columns with a value count: a
 * blank cell never erases what the project already knows (customer lists are often partial),
 * and a field the sheet has no column for is left alone.
 */
function patchFor(row: ValidRow, fields: readonly AssetField[], asset: ExistingAsset): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const field of fields) {
    if (!row.supplied.includes(field)) continue;
    const next = row.values[field];
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

function key(value: string | undefined): string {
  return (value ?? '').trim().toLowerCase();
}
