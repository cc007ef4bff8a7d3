/**
 * One repository write (row + change entry in one transaction) beside a bare Dexie put of the
 * same stored asset row, in Chromium with an on-disk profile, same database, interleaved.
 * Target: repo write p95 ≤ 1.5 × bare put p95.
 */
import type { WriteOpName } from './browser/bench-page';
import { withBrowser } from './lib/browser';
import { buildBenchPage, emit, log, median, percentile, round, runBench } from './lib/harness';

const options = { seedAssets: 2000, warmup: 50, rounds: 3, iterations: 300 };
const TARGET_RATIO = 1.5;

/** Median over rounds of each round's percentile: one slow round does not decide the figure. */
function stat(rounds: number[][], p: number) {
  const perRound = rounds.map((samples) => percentile(samples, p));
  return { value: round(median(perRound)), rounds: perRound.map((value) => round(value)) };
}

runBench(async () => {
  await withBrowser('repo-write', [buildBenchPage], async ({ context, origin }) => {
    const page = await context.newPage();
    await page.goto(`${origin}/page/bench.html`);
    await page.waitForFunction(() => window.fieldbookBench !== undefined);
    log(
      `${options.rounds} rounds × ${options.iterations} writes of each kind, after ${options.warmup} warm-up, ${options.seedAssets} assets seeded`,
    );
    const result = await page.evaluate((opts) => window.fieldbookBench!.writes(opts), options);
    const samples = options.rounds * options.iterations;

    const figure = (op: WriteOpName, p: 50 | 95, what: string) => {
      const { value, rounds } = stat(result.samples[op], p);
      emit({ bench: `${op}-p${p}`, value, unit: 'ms', samples, rounds, what });
      return value;
    };
    const what: Record<WriteOpName, string> = {
      'bare-put': `db.assets.put of one stored asset row (${result.fieldCount} fields + id, projectId, deleted, fieldHlc; ${result.rowBytes} B as JSON), no explicit transaction`,
      'tx-put-add':
        'floor of the row + change design: one rw transaction (assets, changes, projects) with put(row) + changes.add(entry) made together, no read, no validation',
      'tx-get-put-add':
        "the repository's IndexedDB pattern for an update without its CPU work: bulkGet (with the push watermark read beside it), then put + changes.add made together, in one transaction",
      'repo-update':
        "Repository.update('assets', id, { owner }, heldRow): one field of an existing asset, based on the row the caller holds, as a form saves (its read made together with the put and the entry's add)",
      'repo-update-by-id':
        "Repository.update('assets', id, { owner }) without a held row: the row read first, then the put and the entry's add",
      'repo-create': "Repository.create('assets', projectId, values): a new 16-field asset",
    };
    const p50: Partial<Record<WriteOpName, number>> = {};
    const p95: Partial<Record<WriteOpName, number>> = {};
    for (const op of [
      'repo-update',
      'repo-update-by-id',
      'repo-create',
      'bare-put',
      'tx-put-add',
      'tx-get-put-add',
    ] as const) {
      p50[op] = figure(op, 50, what[op]);
      p95[op] = figure(op, 95, what[op]);
    }

    const ratio = p95['repo-update']! / p95['bare-put']!;
    const createRatio = p95['repo-create']! / p95['bare-put']!;
    const floorRatio = p95['tx-put-add']! / p95['bare-put']!;
    emit({
      bench: 'repo-write-ratio',
      value: round(ratio),
      unit: 'x',
      target: TARGET_RATIO,
      meets: ratio <= TARGET_RATIO,
      createRatio: round(createRatio),
      createMeets: createRatio <= TARGET_RATIO,
      floorRatio: round(floorRatio),
      byIdRatio: round(p95['repo-update-by-id']! / p95['bare-put']!),
      p50Ratio: round(p50['repo-update']! / p50['bare-put']!),
      p50FloorRatio: round(p50['tx-put-add']! / p50['bare-put']!),
      what:
        'repo-update p95 / bare-put p95 (createRatio: repo-create p95 / bare-put p95; floorRatio: tx-put-add p95 / bare-put p95; byIdRatio: repo-update-by-id p95 / bare-put p95; ' +
        'p50Ratio and p50FloorRatio: the same at p50, steadier when the machine is busy)',
    });
    emit({
      bench: 'repo-validate-cpu',
      value: round(result.validateMicros, 1),
      unit: 'µs',
      what: "CPU only: validate('assets', 16 fields), mean of 2000 calls",
    });
    await page.close();
  });
});
