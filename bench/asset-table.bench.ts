/**
 * The real web app (built by the repository's vite.config.ts) showing a project of 5,000 assets:
 * first render of the asset table from navigation start, a sort click, a scroll to the bottom.
 * The project is seeded through the real Repository by the bench page, served from the same
 * origin as the app, so it lands in the app's own database ('fieldbook').
 *
 * Times are taken inside the page (performance.now(), whose origin is the navigation start)
 * by a MutationObserver; "painted" adds the frame that shows the change (the first task after
 * the next animation frame), which is what the user sees.
 */
import type { Page } from '@playwright/test';
import { withBrowser } from './lib/browser';
import { buildApp, buildBenchPage, emit, log, median, round, runBench } from './lib/harness';

const COUNT = 5000;
const RUNS = 5;
const SORT_COLUMN = '主机名';

interface Probe {
  [mark: string]: number | undefined;
}

declare global {
  interface Window {
    __fieldbookProbe?: Probe;
  }
}

/** Runs in every page before its scripts: records when the table, its rows and its count appear. */
function installProbe(expected: string) {
  if (!location.pathname.includes('/app/')) return;
  const marks: Probe = {};
  window.__fieldbookProbe = marks;
  const mark = (name: string) => {
    if (marks[name] !== undefined) return;
    marks[name] = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (marks[`${name}Painted`] = performance.now());
      channel.port2.postMessage(0);
    });
  };
  const observer = new MutationObserver(() => {
    const table = document.querySelector('[data-testid="asset-table"]');
    if (!table) return;
    mark('table');
    if (document.querySelector('[data-testid="asset-count"]')?.textContent?.trim() === expected) mark('count');
    if (table.querySelector('[role="row"] > [role="cell"]')) mark('rows');
    if (marks.count !== undefined && marks.rows !== undefined) {
      mark('ready');
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

interface Interaction {
  /** ms from the action until the DOM showed the result. */
  changed: number;
  /** ms until the frame showing it was done. */
  painted: number;
  /** ms until skeleton rows appeared, if any did. */
  skeleton?: number;
  detail: string;
}

/**
 * In the page: do `action`, then wait until `done()` answers a string (the evidence), timing
 * both from just before the action.
 */
function interact(page: Page, kind: 'sort' | 'scroll', arg: string): Promise<Interaction> {
  return page.evaluate(
    ([kind, arg]) =>
      new Promise<Interaction>((resolve, reject) => {
        const table = document.querySelector<HTMLElement>('[data-testid="asset-table"]')!;
        const body = table.querySelector<HTMLElement>('.vt-body')!;
        const rows = () => [...body.querySelectorAll<HTMLElement>('[role="row"]')];
        const hasCells = (row: HTMLElement | undefined) => row?.querySelector('[role="cell"]') != null;
        const rowAt = (offset: number) => rows().find((row) => row.style.transform === `translateY(${offset}px)`);
        const firstText = () => {
          const row = rowAt(0);
          return hasCells(row) ? row!.textContent : null;
        };

        let action: () => void;
        let done: () => string | null;
        if (kind === 'sort') {
          const before = firstText();
          const header = [...table.querySelectorAll<HTMLElement>('[role="columnheader"]')].find(
            (cell) => cell.textContent?.trim() === arg,
          );
          if (!header || before === null) return reject(new Error(`no column ${arg} or no first row`));
          action = () => header.click();
          done = () => {
            const now = firstText();
            return now !== null && now !== before ? `first row ${before} → ${now}` : null;
          };
        } else {
          const count = Number(table.getAttribute('aria-rowcount'));
          const rowHeight = parseFloat(rows().find((row) => row.style.height)?.style.height ?? '40');
          const lastOffset = (count - 1) * rowHeight;
          action = () => (body.scrollTop = body.scrollHeight);
          done = () => {
            const last = rowAt(lastOffset);
            return hasCells(last) ? `row ${count} of ${count}: ${last!.textContent}` : null;
          };
        }

        let skeleton: number | undefined;
        let start = 0;
        const timeout = setTimeout(() => reject(new Error(`${kind} did not finish in 30 s`)), 30_000);
        const observer = new MutationObserver(() => {
          if (skeleton === undefined && body.querySelector('.ant-skeleton')) skeleton = performance.now() - start;
          const detail = done();
          if (detail === null) return;
          observer.disconnect();
          const changed = performance.now() - start;
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              clearTimeout(timeout);
              resolve({
                changed,
                painted: performance.now() - start,
                ...(skeleton !== undefined ? { skeleton } : {}),
                detail,
              });
            };
            channel.port2.postMessage(0);
          });
        });
        observer.observe(table, {
          childList: true,
          subtree: true,
          characterData: true,
          attributes: true,
          attributeFilter: ['style'],
        });
        start = performance.now();
        action();
      }),
    [kind, arg] as const,
  );
}

runBench(async () => {
  await withBrowser('asset-table', [buildBenchPage, buildApp], async ({ context, origin }) => {
    const seeder = await context.newPage();
    await seeder.goto(`${origin}/page/bench.html`);
    await seeder.waitForFunction(() => window.fieldbookBench !== undefined);
    const start = performance.now();
    const projectId = await seeder.evaluate((count) => window.fieldbookBench!.seedAppProject(count), COUNT);
    log(`seeded ${COUNT} assets through the repository in ${Math.round(performance.now() - start)} ms`);
    const queries = await seeder.evaluate(([id, runs]) => window.fieldbookBench!.assetQueries(id, runs), [
      projectId,
      RUNS,
    ] as const);
    await seeder.close();
    const queryWhat: Record<keyof typeof queries, string> = {
      count: `assetCollection(…).count() as the table counts ${COUNT} assets`,
      firstPage: 'assetCollection(…).offset(0).limit(200).toArray(): the first page of the table',
      lastPage: `assetCollection(…).offset(${COUNT - 200}).limit(200).toArray(): the page at the bottom`,
    };
    for (const name of Object.keys(queries) as Array<keyof typeof queries>) {
      const { app, plainIndex } = queries[name];
      emit({
        bench: `asset-query-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-${COUNT}`,
        value: round(median(app), 1),
        unit: 'ms',
        runs: app.map((value) => round(value, 1)),
        plainIndex: round(median(plainIndex), 1),
        what: `${queryWhat[name]}; plainIndex: the same on the bare [live+name] range, without the filter (median of ${RUNS})`,
      });
    }

    await context.addInitScript(installProbe, `共 ${COUNT} 条`);
    const url = `${origin}/app/index.html#/projects/${projectId}/assets`;
    const runs: Array<{ probe: Probe; navigation: Record<string, number>; sort: Interaction; scroll: Interaction }> =
      [];
    for (let run = 0; run < RUNS; run++) {
      const page = await context.newPage();
      const failed = new Promise<never>((_, reject) =>
        page.on('pageerror', (error) => reject(new Error(`page error: ${error.message}`))),
      );
      await page.goto(url, { waitUntil: 'commit' });
      await Promise.race([
        failed,
        page.waitForFunction(() => window.__fieldbookProbe?.readyPainted !== undefined, undefined, { timeout: 60_000 }),
      ]);
      const probe = await page.evaluate(() => window.__fieldbookProbe!);
      const navigation = await page.evaluate(() => {
        const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return {
          responseEnd: entry.responseEnd,
          domContentLoaded: entry.domContentLoadedEventEnd,
          load: entry.loadEventEnd,
        };
      });
      // Let the first page settle (its live queries answer once more) before interacting.
      await page.waitForTimeout(300);
      const sort = await interact(page, 'sort', SORT_COLUMN);
      await page.waitForTimeout(300);
      const scroll = await interact(page, 'scroll', '');
      log(
        `run ${run + 1}/${RUNS}: table rows + count painted at ${Math.round(probe.readyPainted!)} ms ` +
          `(DOMContentLoaded ${Math.round(navigation.domContentLoaded)}, table shell ${Math.round(probe.table!)}, rows ${Math.round(probe.rows!)}, count ${Math.round(probe.count!)}); ` +
          `sort ${Math.round(sort.painted)} ms; scroll to bottom ${Math.round(scroll.painted)} ms`,
      );
      if (run === 0) log(`sort: ${sort.detail.slice(0, 160)}\nscroll: ${scroll.detail.slice(0, 160)}`);
      runs.push({ probe, navigation, sort, scroll });
      await page.close();
    }

    const med = (pick: (run: (typeof runs)[number]) => number | undefined) =>
      round(median(runs.map((run) => pick(run) ?? Number.NaN)), 0);
    const all = (pick: (run: (typeof runs)[number]) => number | undefined) =>
      runs.map((run) => round(pick(run) ?? Number.NaN, 0));
    emit({
      bench: `asset-table-first-render-${COUNT}`,
      value: med((run) => run.probe.readyPainted),
      unit: 'ms',
      runs: all((run) => run.probe.readyPainted),
      domContentLoaded: med((run) => run.navigation.domContentLoaded),
      tableShell: med((run) => run.probe.table),
      firstRows: med((run) => run.probe.rows),
      countShown: med((run) => run.probe.count),
      what: `navigation start of #/projects/<id>/assets in a fresh page of the built app until the frame showing the first data rows and "共 ${COUNT} 条" (median of ${RUNS})`,
    });
    emit({
      bench: `asset-table-sort-${COUNT}`,
      value: med((run) => run.sort.painted),
      unit: 'ms',
      runs: all((run) => run.sort.painted),
      domChanged: med((run) => run.sort.changed),
      what: `click on the ${SORT_COLUMN} column header until the frame showing a different first row (median of ${RUNS})`,
    });
    emit({
      bench: `asset-table-scroll-bottom-${COUNT}`,
      value: med((run) => run.scroll.painted),
      unit: 'ms',
      runs: all((run) => run.scroll.painted),
      domChanged: med((run) => run.scroll.changed),
      skeletonShown: med((run) => run.scroll.skeleton),
      what: `scrollTop to the bottom of the table until the frame showing row ${COUNT} with its data (median of ${RUNS})`,
    });
  });
});
