/**
 * Sync through the team server, on loopback, all in this process, against two yardsticks run
 * in the same process the same way:
 *
 * 1. full sync of 10,000 assets from device A to device B: Fieldbook (SQLite server, PostgreSQL
 *    server), PouchDB replication, and the floor (bare node:http + SQLite, B storing into the
 *    same IndexedDB schema);
 * 2. an incremental round: 10 assets edited on A, A → server → B (median of 20 rounds);
 * 3. a pull of 10 new changes with 1,000 and with 1,000,000 changes already in the server's log.
 *
 * Fieldbook's devices are the app's real data layer and SyncEngine in Node on fake-indexeddb
 * (in memory), not Chromium (see bench/lib/sync/fieldbook.ts); so is the floor's receiving device
 * (bench/lib/sync/floor.ts). Targets, printed as ratios: full sync ≤ 2 × floor, incremental
 * round ≤ 3 × floor, both ≤ 0.5 × PouchDB; 1M pull ≤ 1.5 × 1k pull.
 *
 * BENCH_SYNC_PARTS=full,incremental,pull   which parts (incremental needs full)
 * BENCH_SYNC_SYSTEMS=floor,sqlite,postgres,pouchdb
 * BENCH_SYNC_RUNS=3 (full syncs per system), BENCH_SYNC_ROUNDS=20, BENCH_SYNC_COUNT=10000,
 * BENCH_SYNC_LOG_SIZES=1000,1000000, BENCH_SYNC_PULLS=30
 */
import 'fake-indexeddb/auto';
import { postgresProblem } from '../test/server/helpers/postgres';
import { emit, log, median, percentile, round, runBench } from './lib/harness';
import { CLIENT_RUNTIME, FieldbookSystem, type Timing } from './lib/sync/fieldbook';
import { FLOOR_SETUP, FloorSystem } from './lib/sync/floor';
import { NEW_CHANGES, type SeededLog, seededLogServer } from './lib/sync/log-seed';
import { POUCH_SETUP, PouchSystem } from './lib/sync/pouch';
import { assetInputs, jsonBytes, peerRecords } from './lib/sync/records';

type Kind = 'floor' | 'sqlite' | 'postgres' | 'pouchdb';

const env = process.env;
const list = (value: string | undefined, fallback: string) =>
  (value ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const COUNT = Number(env.BENCH_SYNC_COUNT ?? 10_000);
const RUNS = Number(env.BENCH_SYNC_RUNS ?? 3);
const ROUNDS = Number(env.BENCH_SYNC_ROUNDS ?? 20);
const WARMUP_ROUNDS = 3;
const EDITS = 10;
const PULLS = Number(env.BENCH_SYNC_PULLS ?? 30);
const LOG_SIZES = list(env.BENCH_SYNC_LOG_SIZES, '1000,1000000').map(Number);
const parts = new Set(list(env.BENCH_SYNC_PARTS, 'full,incremental,pull'));
const wanted = list(env.BENCH_SYNC_SYSTEMS, 'floor,sqlite,postgres,pouchdb') as Kind[];

/** Fieldbook ÷ the floor and ÷ PouchDB, per part (see bench/README.md for why these). */
const TARGETS = { full: { floor: 2, pouchdb: 0.5 }, incremental: { floor: 3, pouchdb: 0.5 } };
const PULL_TARGET = 1.5;

interface System {
  sync(): Promise<Timing>;
  requests: number;
  /** Not timed: A edits `count` records for round `round`; true once B holds them after a sync. */
  edit(round: number): Promise<() => Promise<boolean>>;
  /** Not timed: whether B holds all the records. */
  check(): Promise<boolean>;
  /** Fieldbook only: the device-side IndexedDB floor of a full sync (see FieldbookSystem.deviceStoreFloor). */
  storeFloor?(): Promise<{ pullSide: number; pushSide: number; total: number }>;
  /** Fieldbook only: the server's own work for the same changes (see FieldbookSystem.serverWork). */
  serverWork?(): Promise<{ push: number; pull: number; total: number }>;
  /** Fieldbook only: the same two, for one incremental round (medians; run after the rounds). */
  incrementalStoreFloor?(): Promise<{ pullSide: number; pushSide: number; total: number }>;
  incrementalServerWork?(): Promise<{ push: number; pull: number; total: number }>;
  /** Fieldbook only: B's state comparison after a merging pull (see FieldbookSystem.stateComparison). */
  stateComparison?(): Promise<number>;
  dispose(): Promise<void>;
}

const what: Record<Kind, string> = {
  floor: `floor: ${FLOOR_SETUP}`,
  sqlite:
    'Fieldbook: SyncEngine.pushPending() on device A (batches of ≤ 500) + SyncEngine.pullProject() on device B (pages of 1,000), server on SQLite',
  postgres:
    'Fieldbook: SyncEngine.pushPending() on device A (batches of ≤ 500) + SyncEngine.pullProject() on device B (pages of 1,000), server on PostgreSQL',
  pouchdb: `PouchDB: ${POUCH_SETUP}`,
};

/** A system of the given kind with A's records written (not timed). */
async function start(kind: Kind): Promise<System> {
  if (kind === 'sqlite' || kind === 'postgres') {
    const system = await FieldbookSystem.start(kind);
    await system.writeAssets(assetInputs(COUNT));
    return {
      sync: () => system.sync(),
      get requests() {
        return system.requests;
      },
      edit: async (round) => {
        const ids = await system.editAssets(EDITS, round);
        return () => system.bHasEdits(ids, round);
      },
      check: async () => (await system.assetCountOnB()) === COUNT,
      storeFloor: () => system.deviceStoreFloor(),
      serverWork: () => system.serverWork(),
      incrementalStoreFloor: () => system.incrementalStoreFloor(ROUNDS, EDITS),
      incrementalServerWork: () => system.incrementalServerWork(ROUNDS, EDITS),
      stateComparison: () => system.stateComparison(ROUNDS),
      dispose: () => system.dispose(),
    };
  }
  const system = kind === 'floor' ? await FloorSystem.start() : await PouchSystem.start();
  await system.writeRecords(peerRecords(COUNT));
  return {
    sync: () => system.sync(),
    get requests() {
      return system.requests;
    },
    edit: async (round) => {
      const ids = await system.editRecords(EDITS, round);
      return async () => system.bHasEdits(ids, round);
    },
    check: async () => (system instanceof FloorSystem ? await system.countOnB() : await system.docCountOnB()) === COUNT,
    dispose: () => system.dispose(),
  } as System & { check(): Promise<boolean> };
}

const ms = (value: number) => round(value, value < 100 ? 2 : 0);

runBench(async () => {
  const pgProblem = wanted.includes('postgres') ? await postgresProblem() : null;
  if (pgProblem) {
    log(`PostgreSQL figures skipped: ${pgProblem}`);
    emit({
      bench: 'sync-postgres',
      value: 0,
      unit: 'skipped',
      skipped: true,
      reason: `PostgreSQL unreachable: ${pgProblem}`,
    });
  }
  const kinds = wanted.filter((kind) => kind !== 'postgres' || !pgProblem);
  const bytes = jsonBytes(peerRecords(COUNT));
  log(
    `${COUNT} records, ${(bytes / 1e6).toFixed(1)} MB as JSON; systems: ${kinds.join(', ')}; parts: ${[...parts].join(', ')}`,
  );

  const full = new Map<Kind, Timing[]>();
  const fullRequests = new Map<Kind, number>();
  const kept = new Map<Kind, System>();
  const storeFloors = new Map<Kind, { pullSide: number; pushSide: number; total: number }>();
  const serverWorks = new Map<Kind, { push: number; pull: number; total: number }>();
  try {
    if (parts.has('full') || parts.has('incremental')) {
      // Full syncs, interleaved (the order rotates each run); the last run's systems stay for the rounds.
      const runs = parts.has('full') ? RUNS : 1;
      for (let run = 0; run < runs; run++) {
        const order = kinds.map((_, i) => kinds[(i + run) % kinds.length]!);
        for (const kind of order) {
          const system = await start(kind);
          try {
            const timing = await system.sync();
            if (!(await system.check()))
              throw new Error(`${kind}: B does not hold the ${COUNT} records after the sync`);
            full.set(kind, [...(full.get(kind) ?? []), timing]);
            fullRequests.set(kind, system.requests);
            log(
              `full ${run + 1}/${runs} ${kind}: push ${Math.round(timing.push)} ms + pull ${Math.round(timing.pull)} ms = ${Math.round(timing.total)} ms (${system.requests} requests)`,
            );
          } catch (error) {
            await system.dispose();
            throw error;
          }
          if (run === runs - 1 && parts.has('full') && system.storeFloor) {
            const floor = await system.storeFloor();
            storeFloors.set(kind, floor);
            log(
              `device IndexedDB floor (${kind} run): B side ${Math.round(floor.pullSide)} ms + A side ${Math.round(floor.pushSide)} ms`,
            );
          }
          if (run === runs - 1 && parts.has('full') && system.serverWork) {
            const work = await system.serverWork();
            serverWorks.set(kind, work);
            log(`server work (${kind}): push ${Math.round(work.push)} ms + pull ${Math.round(work.pull)} ms`);
          }
          if (run === runs - 1 && parts.has('incremental')) kept.set(kind, system);
          else await system.dispose();
        }
      }
    }

    if (parts.has('full')) {
      const totals = new Map<Kind, number>();
      for (const kind of kinds) {
        const timings = full.get(kind)!;
        const total = median(timings.map((t) => t.total));
        totals.set(kind, total);
        emit({
          bench: `sync-full-${COUNT}-${kind}`,
          value: ms(total),
          unit: 'ms',
          push: ms(median(timings.map((t) => t.push))),
          pull: ms(median(timings.map((t) => t.pull))),
          runs: timings.map((t) => ms(t.total)),
          requests: fullRequests.get(kind),
          records: COUNT,
          jsonBytes: bytes,
          ...(kind === 'sqlite' || kind === 'postgres' ? { clients: CLIENT_RUNTIME } : {}),
          what: `${what[kind]}; median of ${timings.length} runs, each on a fresh server and fresh devices; A's records written beforehand (not timed)`,
        });
      }
      emitRatios('full', `sync-full-${COUNT}`, totals, kinds);
      const storeFloor = storeFloors.get('sqlite') ?? storeFloors.get('postgres');
      if (storeFloor) {
        emit({
          bench: `sync-full-${COUNT}-device-idb-floor`,
          value: ms(storeFloor.total),
          unit: 'ms',
          pullSide: ms(storeFloor.pullSide),
          pushSide: ms(storeFloor.pushSide),
          clients: CLIENT_RUNTIME,
          what:
            `diagnostic: the IndexedDB writes a Fieldbook full sync of ${COUNT} assets cannot avoid on its devices, in the same fake-indexeddb, nothing else: ` +
            `pullSide = B storing the rows + change entries in transactions of 1,000 (bulkPut + bulkAdd); pushSide = A recording per 500 that the server has them (ids in order on [deviceId+hlc] + one watermark put). ` +
            `Compare with sync-full-${COUNT}-sqlite's pull and push (one run)`,
        });
      }
    }

    for (const [kind, work] of serverWorks) {
      emit({
        bench: `sync-full-${COUNT}-${kind}-server-work`,
        value: ms(work.total),
        unit: 'ms',
        push: ms(work.push),
        pull: ms(work.pull),
        what:
          `diagnostic: the ${kind} server's own work for the ${COUNT} changes of a full sync, no HTTP, no devices, on a fresh server: ` +
          `push = per batch of 500, JSON.parse of the body + the protocol schema + applyChanges (merge, log, rows, commit); pull = pullChanges pages of 1,000 + JSON.stringify of each reply (one run). ` +
          `Fieldbook's total ≈ this + sync-full-${COUNT}-device-idb-floor + the devices' own JavaScript + HTTP`,
      });
    }

    if (parts.has('incremental')) {
      const samples = new Map<Kind, Timing[]>();
      for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
        const order = kinds.map((_, i) => kinds[(i + round) % kinds.length]!);
        for (const kind of order) {
          const system = kept.get(kind)!;
          const delivered = await system.edit(round);
          const timing = await system.sync();
          if (!(await delivered())) throw new Error(`${kind}: B does not hold round ${round}'s edits`);
          if (round >= WARMUP_ROUNDS) samples.set(kind, [...(samples.get(kind) ?? []), timing]);
        }
      }
      const medians = new Map<Kind, number>();
      for (const kind of kinds) {
        const timings = samples.get(kind)!;
        const value = median(timings.map((t) => t.total));
        medians.set(kind, value);
        emit({
          bench: `sync-incremental-${EDITS}-${kind}`,
          value: ms(value),
          unit: 'ms',
          p95: ms(
            percentile(
              timings.map((t) => t.total),
              95,
            ),
          ),
          push: ms(median(timings.map((t) => t.push))),
          pull: ms(median(timings.map((t) => t.pull))),
          rounds: ROUNDS,
          requests: kept.get(kind)!.requests,
          ...(kind === 'sqlite' || kind === 'postgres' ? { clients: CLIENT_RUNTIME } : {}),
          what: `${EDITS} records edited on A (not timed), then A → server → B: ${what[kind]}; median of ${ROUNDS} rounds after ${WARMUP_ROUNDS} warm-up, ${COUNT} records already synced, systems interleaved`,
        });
        log(`incremental ${kind}: median ${value.toFixed(1)} ms`);
      }
      emitRatios('incremental', `sync-incremental-${EDITS}`, medians, kinds);
      await incrementalDiagnostics(kept);
    }
  } finally {
    for (const system of kept.values())
      await system.dispose().catch((error: unknown) => log(`dispose: ${String(error)}`));
  }

  if (parts.has('pull')) {
    for (const dialect of ['sqlite', 'postgres'] as const) {
      if (!kinds.includes(dialect)) continue;
      await pullFigures(dialect);
    }
  }
});

/**
 * What an incremental round of Fieldbook cannot do without, after the rounds: the devices'
 * IndexedDB work (on the SQLite system's data; the same for both dialects) and each server's own
 * work, per round. Fieldbook's round ≈ these two + the devices' JavaScript + two HTTP requests.
 */
async function incrementalDiagnostics(kept: Map<Kind, System>): Promise<void> {
  const fieldbook = (['sqlite', 'postgres'] as const).filter((kind) => kept.get(kind)?.incrementalServerWork);
  const floorSystem = kept.get(fieldbook[0]!);
  if (!floorSystem?.incrementalStoreFloor) return;
  const floor = await floorSystem.incrementalStoreFloor();
  log(
    `incremental device IndexedDB floor: B side ${floor.pullSide.toFixed(2)} ms + A side ${floor.pushSide.toFixed(2)} ms`,
  );
  emit({
    bench: `sync-incremental-${EDITS}-device-idb-floor`,
    value: ms(floor.total),
    unit: 'ms',
    pullSide: ms(floor.pullSide),
    pushSide: ms(floor.pushSide),
    clients: CLIENT_RUNTIME,
    what:
      `diagnostic: the IndexedDB work one incremental round of ${EDITS} edits cannot avoid on its devices, in the same fake-indexeddb with ${COUNT} assets stored, nothing else (median of ${ROUNDS}): ` +
      `pullSide = B's one transaction (change ids looked up, rows read, rows put, change entries added, cursor put); pushSide = A's queue read + the transaction recording the answer (ids in order, watermark put). ` +
      `Compare with sync-incremental-${EDITS}-sqlite's pull and push`,
  });
  const comparison = await floorSystem.stateComparison!();
  log(`incremental state comparison on B: ${comparison.toFixed(1)} ms`);
  emit({
    bench: `sync-incremental-${EDITS}-state-comparison`,
    value: ms(comparison),
    unit: 'ms',
    clients: CLIENT_RUNTIME,
    what:
      `diagnostic: B's comparison of its state with the server's digest, which every round whose pull merged changes makes (SyncEngine.checkState): ` +
      `whether the project has unsent changes, then the digest of all ${COUNT} rows as stored, in one transaction (median of ${ROUNDS}). Part of sync-incremental-${EDITS}-sqlite's pull`,
  });
  for (const kind of fieldbook) {
    const work = await kept.get(kind)!.incrementalServerWork!();
    log(`incremental server work (${kind}): push ${work.push.toFixed(2)} ms + pull ${work.pull.toFixed(2)} ms`);
    emit({
      bench: `sync-incremental-${EDITS}-${kind}-server-work`,
      value: ms(work.total),
      unit: 'ms',
      push: ms(work.push),
      pull: ms(work.pull),
      what:
        `diagnostic: the ${kind} server's own work for one incremental round of ${EDITS} changes, no HTTP, no devices, on the system of the rounds (${COUNT} records in place), median of ${ROUNDS}: ` +
        `push = JSON.parse of the body + the protocol schema + applyChanges (merge, log, rows, commit); pull = pullChanges + JSON.stringify of the reply. ` +
        `Fieldbook's round ≈ this + sync-incremental-${EDITS}-device-idb-floor + the devices' own JavaScript + 2 HTTP requests`,
    });
  }
}

/** Fieldbook ÷ floor and Fieldbook ÷ PouchDB, for each Fieldbook dialect measured. */
function emitRatios(part: 'full' | 'incremental', prefix: string, values: Map<Kind, number>, kinds: Kind[]): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const ours = values.get(dialect);
    if (ours === undefined) continue;
    for (const peer of ['floor', 'pouchdb'] as const) {
      const theirs = values.get(peer);
      if (theirs === undefined || !kinds.includes(peer)) continue;
      const ratio = ours / theirs;
      const target = TARGETS[part][peer];
      emit({
        bench: `${prefix}-${dialect}-vs-${peer}`,
        value: round(ratio, 3),
        unit: 'x',
        target,
        meets: ratio <= target,
        ours: ms(ours),
        [peer]: ms(theirs),
        what: `${part === 'full' ? 'full sync' : 'incremental round'}: Fieldbook (${dialect}) ÷ ${peer === 'floor' ? 'the floor' : 'PouchDB'}, target ≤ ${target}`,
      });
    }
  }
}

/** Pulls of the 10 newest changes from a log of each size, interleaved; medians and their ratio. */
async function pullFigures(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const logs: SeededLog[] = [];
  try {
    for (const size of LOG_SIZES) {
      const seeded = await seededLogServer(dialect, size);
      logs.push(seeded);
      log(`pull ${dialect}: seeded ${size} changes in ${Math.round(seeded.seedMs)} ms`);
    }
    const samples = new Map<number, number[]>(logs.map((l) => [l.size, []]));
    const first = new Map<number, number>();
    const pullOnce = async (seeded: SeededLog) => {
      const start = performance.now();
      const page = await seeded.http.pull(seeded.projectId, seeded.size);
      const elapsed = performance.now() - start;
      if (page.changes.length !== NEW_CHANGES || page.hasMore || page.changes[0]!.seq !== seeded.size + 1) {
        throw new Error(
          `pull after ${seeded.size}: got ${page.changes.length} changes from seq ${page.changes[0]?.seq}`,
        );
      }
      return elapsed;
    };
    for (const seeded of logs) first.set(seeded.size, await pullOnce(seeded));
    for (let i = 0; i < 5; i++) for (const seeded of logs) await pullOnce(seeded); // warm-up
    for (let i = 0; i < PULLS; i++) {
      for (const seeded of i % 2 ? [...logs].reverse() : logs) samples.get(seeded.size)!.push(await pullOnce(seeded));
    }
    const medians = new Map<number, number>();
    for (const seeded of logs) {
      const values = samples.get(seeded.size)!;
      medians.set(seeded.size, median(values));
      emit({
        bench: `sync-pull-${NEW_CHANGES}-after-${label(seeded.size)}-${dialect}`,
        value: round(median(values), 2),
        unit: 'ms',
        p95: round(percentile(values, 95), 2),
        first: round(first.get(seeded.size)!, 2),
        pulls: values.length,
        logSize: seeded.size,
        seedMs: Math.round(seeded.seedMs),
        what: `GET /v1/sync/pull of the ${NEW_CHANGES} newest changes (SyncHttp.pull, response validated) with the cursor at ${seeded.size}: ${seeded.size} changes seeded with SQL before them; median of ${values.length}, interleaved with the other log size, after 5 warm-up (first: the very first pull)`,
      });
    }
    const small = Math.min(...LOG_SIZES);
    const large = Math.max(...LOG_SIZES);
    if (small !== large) {
      const ratio = medians.get(large)! / medians.get(small)!;
      emit({
        bench: `sync-pull-${label(large)}-vs-${label(small)}-${dialect}`,
        value: round(ratio, 3),
        unit: 'x',
        target: PULL_TARGET,
        meets: ratio <= PULL_TARGET,
        what: `pull of ${NEW_CHANGES} new changes after ${large} ÷ after ${small} changes in the log (${dialect}), target ≤ ${PULL_TARGET}`,
      });
    }
  } finally {
    for (const seeded of logs) await seeded.dispose().catch((error: unknown) => log(`dispose: ${String(error)}`));
  }
}

function label(size: number): string {
  return size >= 1e6 && size % 1e6 === 0
    ? `${size / 1e6}m`
    : size >= 1e3 && size % 1e3 === 0
      ? `${size / 1e3}k`
      : String(size);
}
