/**
 * Importing 10,000 assets into an empty project: Repository.writeMany of 10,000 creates in one
 * transaction, beside the IndexedDB floors (bulkPut + bulkAdd of the same rows and change
 * entries in one transaction; a bare bulkPut of the rows) and the import dialog's path from an
 * .xlsx up to its preview (read, guess columns, parse, plan). Each run starts from a new
 * database; the kinds are interleaved so a busy moment of the machine does not hit one kind only.
 *
 * BENCH_IMPORT_MODES=repo,floor,bulkPut,xlsxPlan,xlsx chooses the kinds (default: all but xlsx).
 */
import type { ImportMode, ImportResult } from './browser/bench-page';
import { withBrowser } from './lib/browser';
import { buildBenchPage, emit, log, median, round, runBench } from './lib/harness';

const COUNT = 10_000;
const kinds: Record<ImportMode, { bench: string; what: string }> = {
  repo: {
    bench: `import-${COUNT}-writemany`,
    what: `Repository.writeMany of ${COUNT} create ops (generateDemoProject(${COUNT}).assets) in one transaction`,
  },
  floor: {
    bench: `import-${COUNT}-tx-floor`,
    what: `floor of the row + change design: bulkPut of the same ${COUNT} rows + bulkAdd of their ${COUNT} change entries in one transaction, all made beforehand`,
  },
  bulkPut: {
    bench: `import-${COUNT}-bulkput`,
    what: `floor without the change log: db.assets.bulkPut of the same ${COUNT} rows, made beforehand`,
  },
  xlsxPlan: {
    bench: `import-${COUNT}-xlsx-plan`,
    what: `the import dialog up to its preview: readSpreadsheet of an .xlsx of ${COUNT} assets exported by Fieldbook, guessColumns, parseAssetRows, load existing, planAssetImport (one run; stages in ms). Its writeMany is import-${COUNT}-writemany`,
  },
  xlsx: {
    bench: `import-${COUNT}-xlsx`,
    what: `the import dialog's whole path: xlsx-plan, then writeMany of the plan (one run; stages in ms)`,
  },
};
/**
 * Interleaved: 3 × writeMany, 1 × the transaction floor, 1 × bulkPut, 1 × the .xlsx path up to
 * the plan; each 10,000-row write takes 4–20 s depending on how busy the machine is. The whole
 * .xlsx path with its write (xlsx) only when asked for in BENCH_IMPORT_MODES.
 */
const schedule: ImportMode[] = ['repo', 'floor', 'repo', 'bulkPut', 'repo', 'xlsxPlan', 'xlsx'];
const defaultModes: ImportMode[] = ['repo', 'floor', 'bulkPut', 'xlsxPlan'];

runBench(async () => {
  const only = process.env.BENCH_IMPORT_MODES?.split(',') ?? defaultModes;
  const planned = schedule.filter((mode) => only.includes(mode));
  await withBrowser('asset-import', [buildBenchPage], async ({ context, origin }) => {
    const page = await context.newPage();
    await page.goto(`${origin}/page/bench.html`);
    await page.waitForFunction(() => window.fieldbookBench !== undefined);
    const results = new Map<ImportMode, ImportResult[]>();
    for (const [index, mode] of planned.entries()) {
      const result = await page.evaluate(([count, m]) => window.fieldbookBench!.importAssets(count, m), [
        COUNT,
        mode,
      ] as const);
      if (result.rows !== COUNT) throw new Error(`${kinds[mode].bench}: ${result.rows} rows stored, expected ${COUNT}`);
      log(
        `${index + 1}/${planned.length} ${kinds[mode].bench}: ${Math.round(result.ms)} ms${result.stages ? ` ${JSON.stringify(roundAll(result.stages))}` : ''}`,
      );
      results.set(mode, [...(results.get(mode) ?? []), result]);
    }
    for (const [mode, { bench, what }] of Object.entries(kinds) as Array<[ImportMode, (typeof kinds)[ImportMode]]>) {
      const done = results.get(mode);
      if (!done) continue;
      const ms = done.map((result) => result.ms);
      const stages = done[0]!.stages;
      emit({
        bench,
        value: round(median(ms), 0),
        unit: 'ms',
        runs: ms.map((value) => round(value, 0)),
        ...(stages ? { stages: roundAll(stages) } : {}),
        rows: COUNT,
        changeEntries: done[0]!.changes,
        what,
      });
    }
    await page.close();
  });
});

function roundAll(values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, round(value, 0)]));
}
