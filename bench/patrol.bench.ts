/**
 * A year of daily patrol for 200 assets (8 metrics each, one entry row per asset per day:
 * 73,000 rows) in Chromium with an on-disk profile: opening a day's round, a month's
 * completion calendar and an asset's year trend, as the patrol screens read them.
 */
import { withBrowser } from './lib/browser';
import { buildBenchPage, emit, log, median, round, runBench } from './lib/harness';

const options = { assets: 200, days: 365, metrics: 8, runs: 5 };

runBench(async () => {
  await withBrowser('patrol', [buildBenchPage], async ({ context, origin }) => {
    const page = await context.newPage();
    await page.goto(`${origin}/page/bench.html`);
    await page.waitForFunction(() => window.fieldbookBench !== undefined);
    const result = await page.evaluate((opts) => window.fieldbookBench!.patrolViews(opts), options);
    log(
      `seeded ${result.entries} patrol entries (${options.assets} assets × ${options.days} days × ${options.metrics} metrics) in ${Math.round(result.seedMs)} ms`,
    );
    const figure = (bench: string, runs: number[], what: string) =>
      emit({
        bench,
        value: round(median(runs), 1),
        unit: 'ms',
        runs: runs.map((r) => round(r, 1)),
        what: `${what} (median of ${options.runs}; ${result.entries} entries in the database)`,
      });
    figure(
      'patrol-day-view',
      result.day,
      `roundView: a day's round of ${options.assets} assets and the round before (${result.dayRows} entry rows) plus the plan's assets`,
    );
    figure(
      'patrol-month-calendar',
      result.month,
      `completionByDay: entries per day of a month (${result.monthDays} days) counted day by day on the [planId+date] index`,
    );
    figure(
      'patrol-month-rows',
      result.monthRows,
      `for comparison: the same month read as ${options.assets} × ~30 entry rows`,
    );
    figure(
      'patrol-year-trend',
      result.yearTrend,
      `assetHistory: one asset's year (${result.yearPoints} points) through [assetId+date], shaped into chart points`,
    );
  });
});
