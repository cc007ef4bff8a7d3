/**
 * The bench page: the app's real data layer (FieldbookDb, Repository, the asset importer) in a
 * page of its own, driven by bench/*.bench.ts through window.fieldbookBench. Each function
 * prepares outside its timed region and returns raw timings (ms, from performance.now()); the
 * statistics are done on the Node side.
 */
import Dexie from 'dexie';
import {
  guessColumns,
  parseAssetRows,
  planAssetImport,
  readSpreadsheet,
  exportAssetsXlsx,
} from '../../shared/asset-import';
import type { StoredRow } from '../../shared/change-log';
import { generateDemoAssets, generateDemoProject } from '../../shared/demo/demo-project';
import { newId } from '../../shared/ids';
import { builtinTemplates } from '../../shared/inspection';
import { resultId } from '../../shared/records/inspection';
import type { RowOf } from '../../shared/records';
import { type ChangeRow, FieldbookDb } from '../../renderer/data/db';
import { loadDemoProject } from '../../renderer/data/load-demo';
import { type DataLayer, openDataLayer } from '../../renderer/data/open-data';
import { type WriteOp, validate } from '../../renderer/data/repository';
import { assetCollection } from '../../renderer/features/assets/asset-query';
import { assetHistory, completionByDay, roundView } from '../../renderer/features/operations/patrol-queries';

const AUTHOR = '基准测试';

/** The single-write operations measured side by side, interleaved. */
export const writeOps = [
  'bare-put',
  'tx-put-add',
  'tx-get-put-add',
  'repo-update',
  'repo-update-by-id',
  'repo-create',
] as const;
export type WriteOpName = (typeof writeOps)[number];

export interface WriteBenchOptions {
  /** Assets in the project before measuring, so indexes are not empty. */
  seedAssets: number;
  warmup: number;
  rounds: number;
  iterations: number;
}

export interface WriteBenchResult {
  /** samples[op][round] = one duration (ms) per awaited write. */
  samples: Record<WriteOpName, number[][]>;
  /** CPU only: one validate() of a 16-field asset, mean µs. */
  validateMicros: number;
  /** The stored row written by bare-put (and by the repository), as JSON, for the record. */
  rowBytes: number;
  fieldCount: number;
}

/** xlsxPlan stops where the import dialog shows its preview; xlsx goes on to writeMany. */
export type ImportMode = 'repo' | 'bulkPut' | 'floor' | 'xlsxPlan' | 'xlsx';

export interface ImportResult {
  ms: number;
  /** For xlsx and xlsxPlan: the stages of the import dialog's path. */
  stages?: Record<string, number>;
  /** Assets in the project afterwards; for xlsxPlan, the creates planned. */
  rows: number;
  /** Change entries in the database afterwards (the project's own included). */
  changes: number;
}

async function freshDataLayer(name: string): Promise<DataLayer> {
  await Dexie.delete(name);
  return openDataLayer(() => AUTHOR, { name });
}

function changeFor(data: DataLayer, row: StoredRow, fields: Record<string, unknown>): ChangeRow {
  return {
    changeId: newId(),
    projectId: row.projectId,
    table: 'assets',
    rowId: row.id,
    fields,
    hlc: data.clock.now(),
    author: AUTHOR,
    deviceId: data.deviceId,
  };
}

/** Figure 1: one awaited write at a time, every kind interleaved so all see the same database. */
async function writes(options: WriteBenchOptions): Promise<WriteBenchResult> {
  const data = await freshDataLayer('bench-writes');
  const { db, repo } = data;
  try {
    const projectId = await loadDemoProject(repo, options.seedAssets);
    const rows = await db.assets.where('projectId').equals(projectId).toArray();
    const createValues = generateDemoProject(200, 7).assets;
    // Each kind of write works on its own slice of the seeded rows.
    const slice = Math.floor(rows.length / writeOps.length);
    const rowFor = (op: number, i: number) => rows[op * slice + (i % slice)]!;

    let serial = 0;
    const heldRows = new Map<string, RowOf<'assets'>>();
    const run: Record<WriteOpName, (i: number) => Promise<unknown>> = {
      'bare-put': (i) => db.assets.put({ ...rowFor(0, i), owner: `p${serial++}` }),
      'tx-put-add': (i) =>
        db.transaction('rw', [db.assets, db.changes, db.projects], async () => {
          const owner = `t${serial++}`;
          const row = { ...rowFor(1, i), owner };
          await Promise.all([db.assets.put(row), db.changes.add(changeFor(data, row, { owner }))]);
        }),
      'tx-get-put-add': (i) =>
        db.transaction('rw', [db.assets, db.changes, db.meta, db.projects], async () => {
          const owner = `g${serial++}`;
          const [[existing]] = await Promise.all([db.assets.bulkGet([rowFor(2, i).id]), db.meta.get('pushedUpTo')]);
          const row = { ...existing!, owner };
          await Promise.all([db.assets.put(row), db.changes.add(changeFor(data, row, { owner }))]);
        }),
      // As a form saves: the row it shows (read from the database, then the row each save returned) is the base.
      'repo-update': async (i) => {
        const base = rowFor(3, i);
        const held = heldRows.get(base.id) ?? base;
        heldRows.set(base.id, await repo.update('assets', base.id, { owner: `u${serial++}` }, held));
      },
      'repo-update-by-id': (i) => repo.update('assets', rowFor(4, i).id, { owner: `i${serial++}` }),
      'repo-create': (i) => repo.create('assets', projectId, createValues[i % createValues.length]!),
    };

    for (let i = 0; i < options.warmup; i++) for (const op of writeOps) await run[op](i);

    const samples = Object.fromEntries(writeOps.map((op) => [op, [] as number[][]])) as Record<WriteOpName, number[][]>;
    let i = options.warmup;
    for (let round = 0; round < options.rounds; round++) {
      for (const op of writeOps) samples[op].push([]);
      for (let n = 0; n < options.iterations; n++, i++) {
        // Rotate the order so no kind always follows the same other kind.
        for (let k = 0; k < writeOps.length; k++) {
          const op = writeOps[(n + k) % writeOps.length]!;
          const start = performance.now();
          await run[op](i);
          samples[op][round]!.push(performance.now() - start);
        }
      }
    }

    const sample = rows[0]!;
    const fields = Object.fromEntries(
      Object.entries(sample).filter(
        ([key]) => !['id', 'projectId', 'deleted', 'fieldHlc', 'live', 'sortKey'].includes(key),
      ),
    );
    const reps = 2000;
    const start = performance.now();
    for (let n = 0; n < reps; n++) validate('assets', { ...fields, owner: `v${n}` });
    const validateMicros = ((performance.now() - start) / reps) * 1000;

    return { samples, validateMicros, rowBytes: JSON.stringify(sample).length, fieldCount: Object.keys(fields).length };
  } finally {
    db.close();
    await Dexie.delete('bench-writes');
  }
}

let xlsxCache: { count: number; bytes: Uint8Array } | undefined;

/** Figure 2: importing `count` assets into an empty project, one transaction. */
async function importAssets(count: number, mode: ImportMode): Promise<ImportResult> {
  const data = await freshDataLayer('bench-import');
  const { db, repo } = data;
  try {
    const demo = generateDemoProject(count);
    const project = await repo.createProject(demo.project);
    let ms: number;
    let stages: Record<string, number> | undefined;
    let planned: number | undefined;

    if (mode === 'repo') {
      const ops = demo.assets.map((values): WriteOp => ({
        kind: 'create',
        table: 'assets',
        projectId: project.id,
        values,
      }));
      const start = performance.now();
      await repo.writeMany(ops);
      ms = performance.now() - start;
    } else if (mode === 'bulkPut' || mode === 'floor') {
      // The rows (and change entries) the repository would store, made beforehand: the schema's
      // fields plus the row metadata, as Repository.planCreate makes them.
      const planned = demo.assets.map((values) => {
        const fields = validate('assets', values);
        const hlc = data.clock.now();
        const fieldHlc = Object.fromEntries(Object.keys(fields).map((field) => [field, hlc]));
        const row: StoredRow = { ...fields, id: newId(), projectId: project.id, deleted: false, fieldHlc };
        return { row, change: changeFor(data, row, fields) };
      });
      const rows = planned.map((p) => p.row as unknown as RowOf<'assets'>);
      const changes = planned.map((p) => p.change);
      const start = performance.now();
      if (mode === 'bulkPut') {
        await db.assets.bulkPut(rows);
      } else {
        await db.transaction('rw', [db.assets, db.changes, db.projects], async () => {
          await db.assets.bulkPut(rows);
          await db.changes.bulkAdd(changes);
        });
      }
      ms = performance.now() - start;
    } else {
      // The import dialog's path, from an .xlsx exported by Fieldbook itself.
      if (xlsxCache?.count !== count) xlsxCache = { count, bytes: await exportAssetsXlsx(demo.assets) };
      const bytes = xlsxCache.bytes;
      const marks: Array<[string, number]> = [];
      const start = performance.now();
      const mark = (name: string) => marks.push([name, performance.now()]);
      const grid = await readSpreadsheet(bytes, '运维对象清单.xlsx');
      mark('read');
      const guess = guessColumns(grid);
      const parsed = parseAssetRows(grid, {
        headerRowIndex: guess.headerRowIndex,
        headerRowCount: guess.headerRowCount,
        mapping: guess.mapping,
      });
      mark('parse');
      const existing = await db.assets.where('projectId').equals(project.id).toArray();
      const plan = planAssetImport(project.id, parsed, existing);
      mark('plan');
      if (plan.summary.create !== count || plan.errors.length > 0) {
        throw new Error(
          `xlsx import plan: ${JSON.stringify(plan.summary)}, first error ${JSON.stringify(plan.errors[0])}`,
        );
      }
      if (mode === 'xlsx') {
        await repo.writeMany(plan.ops as WriteOp[]);
        mark('write');
      } else {
        planned = plan.summary.create;
      }
      ms = performance.now() - start;
      stages = {};
      let previous = start;
      for (const [name, at] of marks) {
        stages[name] = at - previous;
        previous = at;
      }
    }

    const rowsStored = await db.assets.where('projectId').equals(project.id).count();
    const changes = await db.changes.count();
    return { ms, ...(stages ? { stages } : {}), rows: planned ?? rowsStored, changes };
  } finally {
    db.close();
    await Dexie.delete('bench-import');
  }
}

/** Figure 3's data: a demo project with `count` assets in the app's own database. */
async function seedAppProject(count: number): Promise<string> {
  const { db, repo } = await openDataLayer(() => AUTHOR);
  try {
    return await loadDemoProject(repo, count);
  } finally {
    db.close();
  }
}

export type AssetQueryName = 'count' | 'firstPage' | 'lastPage';

/**
 * The asset table's queries in the app's database, as the app runs them (assetCollection, whose
 * filter makes Dexie walk a cursor in JavaScript) and as a plain index range would, so the cost
 * of the filter is visible. Pages are 200 rows, as useWindowedQuery loads them.
 */
async function assetQueries(
  projectId: string,
  runs: number,
): Promise<Record<AssetQueryName, { app: number[]; plainIndex: number[] }>> {
  const db = new FieldbookDb();
  await db.open();
  try {
    const query = { projectId, text: '', sort: 'name' as const, descending: false };
    const app = () => assetCollection(db, query);
    const plain = () => db.assets.where('[live+name]').between([projectId, Dexie.minKey], [projectId, Dexie.maxKey]);
    const count = await plain().count();
    const lastStart = Math.max(0, count - 200);
    const work: Record<AssetQueryName, { app: () => Promise<unknown>; plainIndex: () => Promise<unknown> }> = {
      count: { app: () => app().count(), plainIndex: () => plain().count() },
      firstPage: {
        app: () => app().offset(0).limit(200).toArray(),
        plainIndex: () => plain().offset(0).limit(200).toArray(),
      },
      lastPage: {
        app: () => app().offset(lastStart).limit(200).toArray(),
        plainIndex: () => plain().offset(lastStart).limit(200).toArray(),
      },
    };
    const out = {} as Record<AssetQueryName, { app: number[]; plainIndex: number[] }>;
    for (const name of Object.keys(work) as AssetQueryName[]) {
      out[name] = { app: [], plainIndex: [] };
      for (let run = 0; run < runs; run++) {
        for (const way of ['app', 'plainIndex'] as const) {
          const start = performance.now();
          await work[name][way]();
          out[name][way].push(performance.now() - start);
        }
      }
    }
    return out;
  } finally {
    db.close();
  }
}

export interface InspectionFillResult {
  /** One saved answer (Repository.saveKeyed of a result row), ms each. */
  saves: number[];
  /** Reading the batch's progress (all results of the batch through the inspectionId index), ms each. */
  batchProgress: number[];
  results: number;
}

/**
 * Filling inspections: a batch of `inspections` × `items` already answered but for the last
 * inspection, whose items are then answered one awaited save at a time, as at the rack.
 */
async function inspectionFill(options: {
  inspections: number;
  items: number;
  rounds: number;
}): Promise<InspectionFillResult> {
  const { db, repo } = await freshDataLayer('bench-inspections');
  const projectId = await loadDemoProject(repo, options.inspections);
  const assets = await db.assets.where('projectId').equals(projectId).limit(options.inspections).toArray();
  const linux = builtinTemplates.find((t) => t.key === 'linux-server')!;
  const items = linux.items.slice(0, options.items);
  const template = await repo.create('checklistTemplates', projectId, {
    name: linux.name,
    familyId: newId(),
    sections: linux.sections,
    items,
  });
  const inspections = await repo.writeMany(
    assets.map((asset): WriteOp => ({
      kind: 'create',
      table: 'inspections',
      projectId,
      values: { assetId: asset.id, templateId: template.id, batch: 'bench' },
    })),
  );
  const answered = inspections.slice(0, -1);
  for (let start = 0; start < answered.length; start += 20) {
    await repo.writeMany(
      answered.slice(start, start + 20).flatMap((inspection) =>
        items.map((item): WriteOp => ({
          kind: 'create',
          table: 'inspectionResults',
          projectId,
          id: resultId(inspection.id, item.id),
          values: { inspectionId: inspection.id, itemId: item.id, value: null, verdict: 'pass' },
        })),
      ),
    );
  }
  const last = inspections.at(-1)!;
  const saves: number[] = [];
  const batchProgress: number[] = [];
  const ids = inspections.map((i) => i.id);
  for (let round = 0; round < options.rounds; round++) {
    for (const [index, item] of items.entries()) {
      const start = performance.now();
      await repo.saveKeyed('inspectionResults', resultId(last.id, item.id), projectId, {
        ...(round === 0 ? { inspectionId: last.id, itemId: item.id } : {}),
        value: round * 100 + index,
        verdict: round % 2 ? 'pass' : 'fail',
        remark: `第 ${round} 轮`,
      });
      saves.push(performance.now() - start);
    }
    const start = performance.now();
    let answeredCount = 0;
    await db.inspectionResults
      .where('inspectionId')
      .anyOf(ids)
      .each((r) => {
        if (r.verdict) answeredCount++;
      });
    batchProgress.push(performance.now() - start);
    if (answeredCount < answered.length * items.length) throw new Error(`only ${answeredCount} answered results`);
  }
  return { saves, batchProgress, results: await db.inspectionResults.count() };
}

export interface PatrolViewsResult {
  seedMs: number;
  entries: number;
  /** ms per run: a day's round grid (roundView: this round, the round before, the plan's assets). */
  day: number[];
  /** ms per run: a month's completion calendar (completionByDay from index keys). */
  month: number[];
  /** ms per run: the same month read as rows (what the calendar would cost reading every entry). */
  monthRows: number[];
  /** ms per run: one asset's year trend (assetHistory) shaped into chart points. */
  yearTrend: number[];
  dayRows: number;
  monthDays: number;
  yearPoints: number;
}

/**
 * Patrol data of a year: `assets` assets × `days` daily rounds, each entry one row holding the
 * asset's `metrics` readings, put straight into a fresh database (seeding is not what is
 * measured), then the patrol screens' reads timed as the screens run them.
 */
async function patrolViews(options: {
  assets: number;
  days: number;
  metrics: number;
  runs: number;
}): Promise<PatrolViewsResult> {
  const name = 'bench-patrol';
  await Dexie.delete(name);
  const db = new FieldbookDb(name);
  await db.open();
  try {
    const projectId = newId();
    const planId = newId();
    const seedStart = performance.now();
    const assets = generateDemoAssets(options.assets).map((a) => ({
      ...a,
      id: newId(),
      projectId,
      deleted: false,
      fieldHlc: {},
    }));
    await db.assets.bulkPut(assets as unknown as Array<RowOf<'assets'>>);
    await db.patrolPlans.put({
      id: planId,
      projectId,
      deleted: false,
      fieldHlc: {},
      name: '年度巡检',
      assetIds: assets.map((a) => a.id),
      metricKeys: [],
      frequency: 'daily',
      assignee: '',
      active: 'yes',
    });
    const firstDay = Date.UTC(2026, 0, 1);
    const dateOf = (day: number) => new Date(firstDay + day * 86_400_000).toISOString().slice(0, 10);
    for (let day = 0; day < options.days; day++) {
      const date = dateOf(day);
      const rows = assets.map((asset, index) => {
        const readings: Record<string, { value: number; status: 'normal'; carried: boolean; at: string }> = {};
        for (let m = 0; m < options.metrics; m++)
          readings[`metric.${m}`] = {
            value: (index * 7 + day + m * 13) % 90,
            status: 'normal',
            carried: false,
            at: `${date}T09:${String(index % 60).padStart(2, '0')}`,
          };
        return {
          id: newId(),
          projectId,
          deleted: false,
          fieldHlc: {},
          planId,
          assetId: asset.id,
          round: date,
          date,
          readings,
          note: '',
          enteredBy: '刘洋',
        };
      });
      await db.patrolEntries.bulkPut(rows as Array<RowOf<'patrolEntries'>>);
    }
    const seedMs = performance.now() - seedStart;
    const plan = (await db.patrolPlans.get(planId))!;
    const result: PatrolViewsResult = {
      seedMs,
      entries: await db.patrolEntries.count(),
      day: [],
      month: [],
      monthRows: [],
      yearTrend: [],
      dayRows: 0,
      monthDays: 0,
      yearPoints: 0,
    };
    const time = async <T>(into: number[], work: () => Promise<T>): Promise<T> => {
      const start = performance.now();
      const value = await work();
      into.push(performance.now() - start);
      return value;
    };
    for (let run = 0; run < options.runs; run++) {
      const day = dateOf(options.days - 1 - run * 20);
      const view = await time(result.day, () => roundView(db, plan, day, dateOf(options.days - 2 - run * 20)));
      result.dayRows = view.entries.size + view.previous.size;
      const month = dateOf(options.days - 1 - run * 31).slice(0, 7);
      result.monthDays = (await time(result.month, () => completionByDay(db, planId, month))).size;
      await time(result.monthRows, () =>
        db.patrolEntries
          .where('[planId+date]')
          .between([planId, `${month}-01`], [planId, `${month}-31`], true, true)
          .toArray(),
      );
      const asset = assets[(run * 37) % assets.length]!;
      const points = await time(result.yearTrend, async () =>
        (await assetHistory(db, asset.id, dateOf(0)))
          .map((entry) => [entry.date, entry.readings['metric.0']?.value ?? null] as const)
          .filter((point) => point[1] !== null)
          .sort((a, b) => a[0].localeCompare(b[0])),
      );
      result.yearPoints = points.length;
    }
    return result;
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}

export const benchApi = { writes, importAssets, seedAppProject, assetQueries, inspectionFill, patrolViews };
export type BenchApi = typeof benchApi;

declare global {
  interface Window {
    fieldbookBench?: BenchApi;
  }
}

window.fieldbookBench = benchApi;
