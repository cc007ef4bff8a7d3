/**
 * Filling baseline inspections stays interactive: with 200 inspections × 30 items in the batch,
 * the time to save one answer (p50/p95), in Chromium with an on-disk profile.
 */
import { withBrowser } from './lib/browser';
import { buildBenchPage, emit, log, percentile, round, runBench } from './lib/harness';

const options = { inspections: 200, items: 30, rounds: 10 };

runBench(async () => {
  await withBrowser('inspection', [buildBenchPage], async ({ context, origin }) => {
    const page = await context.newPage();
    await page.goto(`${origin}/page/bench.html`);
    await page.waitForFunction(() => window.fieldbookBench !== undefined);
    log(
      `${options.inspections} inspections × ${options.items} items; ${options.rounds} rounds of answering the last one`,
    );
    const result = await page.evaluate((opts) => window.fieldbookBench!.inspectionFill(opts), options);
    const what = `Repository.saveKeyed of one inspection result (keyed row + change entry), ${result.results} results in the database`;
    emit({
      bench: 'inspection-save-result-p50',
      value: round(percentile(result.saves, 50)),
      unit: 'ms',
      samples: result.saves.length,
      what,
    });
    emit({
      bench: 'inspection-save-result-p95',
      value: round(percentile(result.saves, 95)),
      unit: 'ms',
      samples: result.saves.length,
      what,
    });
    emit({
      bench: 'inspection-batch-progress-p50',
      value: round(percentile(result.batchProgress, 50)),
      unit: 'ms',
      samples: result.batchProgress.length,
      what: `reading the progress of a batch of ${options.inspections} inspections (${options.inspections * options.items} results) through the inspectionId index`,
    });
  });
});
