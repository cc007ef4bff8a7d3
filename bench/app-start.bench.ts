/**
 * Starting the built web app (issue 16): what it loads before the first screen, and how long a
 * fresh page takes from navigation start to the home page (the project list) and to the first
 * rows of a 5,000-asset table. The project is seeded through the real Repository by the bench
 * page, in the app's own database, as in asset-table.bench.ts.
 *
 * Times are taken inside the page (performance.now(), origin = navigation start) by a
 * MutationObserver installed before the app's scripts; "painted" adds the frame that shows the
 * change (the first task after the next animation frame).
 *
 * BENCH_APP_BASELINE=<folder of another build of the app> (e.g. main's `vite build --outDir …`)
 * measures that build too, interleaved with this one in the same browser and database, and
 * prints its figures with a "-baseline" suffix: a before/after in one run, on one machine load.
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CHUNK_BUDGET, INITIAL_JS_BUDGET, measureBundle } from '../scripts/bundle-budget';
import type { BrowserContext } from '@playwright/test';
import { withBrowser } from './lib/browser';
import { buildApp, buildBenchPage, distDir, emit, log, median, round, runBench } from './lib/harness';

const COUNT = 5000;
const RUNS = 5;
/** Home page painted: the project list of a device that has a project. */
const HOME_TARGET_MS = 1000;
/** The asset table's first rows painted, from navigation start. */
const ROWS_TARGET_MS = 1000;

type Screen = 'home' | 'rows';
/** This working tree's build (bench/dist/app) and, with BENCH_APP_BASELINE, another one (bench/dist/baseline). */
type Build = 'app' | 'baseline';
const baselineSource = process.env.BENCH_APP_BASELINE;

/** Copies the baseline build next to the app, so both are served from one origin (one database). */
async function copyBaseline(): Promise<string> {
  const target = path.join(distDir, 'baseline');
  rmSync(target, { recursive: true, force: true });
  cpSync(path.resolve(baselineSource!), target, { recursive: true });
  return target;
}

interface StartProbe {
  [mark: string]: number | undefined;
}

declare global {
  interface Window {
    __fieldbookStart?: StartProbe;
  }
}

/** Runs in every page before its scripts: records when the project list or the table's rows appear. */
function installStartProbe() {
  if (location.pathname.includes('/page/')) return;
  const marks: StartProbe = {};
  window.__fieldbookStart = marks;
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
    if (document.querySelector('.shell-header')) mark('shell');
    if (document.querySelector('[data-testid="project-card"]')) mark('home');
    if (document.querySelector('[data-testid="asset-table"] [role="row"] > [role="cell"]')) mark('rows');
  });
  observer.observe(document, { childList: true, subtree: true });
}

interface Run {
  painted: number;
  shell: number;
  domContentLoaded: number;
  /** Script bytes the page had received (decoded) by the time the screen was painted. */
  scriptBytes: number;
  scripts: number;
}

async function openFresh(context: BrowserContext, url: string, screen: Screen): Promise<Run> {
  const page = await context.newPage();
  try {
    const failed = new Promise<never>((_, reject) =>
      page.on('pageerror', (error) => reject(new Error(`page error: ${error.message}`))),
    );
    await page.goto(url, { waitUntil: 'commit' });
    await Promise.race([
      failed,
      page.waitForFunction((name) => window.__fieldbookStart?.[`${name}Painted`] !== undefined, screen, {
        timeout: 60_000,
      }),
    ]);
    return await page.evaluate((name) => {
      const marks = window.__fieldbookStart!;
      const painted = marks[`${name}Painted`]!;
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
        (entry) => entry.name.endsWith('.js') && entry.responseEnd <= painted,
      );
      return {
        painted,
        shell: marks.shell ?? Number.NaN,
        domContentLoaded: navigation.domContentLoadedEventEnd,
        scriptBytes: scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
        scripts: scripts.length,
      };
    }, screen);
  } finally {
    await page.close();
  }
}

runBench(async () => {
  const builds: Build[] = baselineSource ? ['app', 'baseline'] : ['app'];
  await withBrowser(
    'app-start',
    [buildBenchPage, buildApp, ...(baselineSource ? [copyBaseline] : [])],
    async ({ context, origin }) => {
      const bundle = measureBundle(`${import.meta.dirname}/dist/app`);
      log(
        `before the first paint: ${bundle.initial.map(({ file, bytes }) => `${file} ${Math.round(bytes / 1000)} kB`).join(', ')}`,
      );
      log(
        `largest chunks: ${bundle.chunks
          .slice(0, 6)
          .map(({ file, bytes }) => `${file} ${Math.round(bytes / 1000)} kB`)
          .join(', ')}`,
      );
      emit({
        bench: 'app-initial-js',
        value: round(bundle.initialBytes / 1e6, 3),
        unit: 'MB',
        files: bundle.initial.map(({ file }) => file),
        target: INITIAL_JS_BUDGET / 1e6,
        meets: bundle.initialBytes <= INITIAL_JS_BUDGET,
        what: 'minified JavaScript loaded before the first screen paints: the entry script of index.html, its modulepreloads and their static imports (scripts/bundle-budget.ts)',
      });
      emit({
        bench: 'app-largest-chunk',
        value: round(bundle.largest.bytes / 1e6, 3),
        unit: 'MB',
        file: bundle.largest.file,
        chunks: bundle.chunks.length,
        target: CHUNK_BUDGET / 1e6,
        meets: bundle.largest.bytes <= CHUNK_BUDGET,
        what: 'the largest JavaScript file of the build, minified (lazy routes, libraries and the document worker included)',
      });
      if (baselineSource) {
        const baseline = measureBundle(path.join(distDir, 'baseline'));
        emit({
          bench: 'app-initial-js-baseline',
          value: round(baseline.initialBytes / 1e6, 3),
          unit: 'MB',
          files: baseline.initial.map(({ file }) => file),
          baseline: baselineSource,
          what: 'as app-initial-js, for the baseline build',
        });
        emit({
          bench: 'app-largest-chunk-baseline',
          value: round(baseline.largest.bytes / 1e6, 3),
          unit: 'MB',
          file: baseline.largest.file,
          baseline: baselineSource,
          what: 'as app-largest-chunk, for the baseline build',
        });
      }

      const seeder = await context.newPage();
      await seeder.goto(`${origin}/page/bench.html`);
      await seeder.waitForFunction(() => window.fieldbookBench !== undefined);
      const started = performance.now();
      const projectId = await seeder.evaluate((count) => window.fieldbookBench!.seedAppProject(count), COUNT);
      log(`seeded ${COUNT} assets through the repository in ${Math.round(performance.now() - started)} ms`);
      await seeder.close();

      await context.addInitScript(installStartProbe);
      const url = (build: Build, screen: Screen) =>
        `${origin}/${build}/index.html#/${screen === 'home' ? '' : `projects/${projectId}/assets`}`;
      const runs = new Map<string, Run[]>();
      const runsOf = (build: Build, screen: Screen) =>
        runs.get(`${build} ${screen}`) ?? runs.set(`${build} ${screen}`, []).get(`${build} ${screen}`)!;
      for (let run = 0; run < RUNS; run++) {
        // Interleaved, the order rotating, so every build and screen sees the same moments of machine load.
        const order = builds.flatMap((build) => (['home', 'rows'] as const).map((screen) => [build, screen] as const));
        for (let i = 0; i < order.length; i++) {
          const [build, screen] = order[(i + run) % order.length]!;
          runsOf(build, screen).push(await openFresh(context, url(build, screen), screen));
        }
        log(
          `run ${run + 1}/${RUNS}: ` +
            order
              .map(([build, screen]) => {
                const last = runsOf(build, screen).at(-1)!;
                return `${build} ${screen} painted ${Math.round(last.painted)} ms (shell ${Math.round(last.shell)}, DOMContentLoaded ${Math.round(last.domContentLoaded)}, ${last.scripts} scripts ${Math.round(last.scriptBytes / 1000)} kB)`;
              })
              .join('; '),
        );
      }

      const describe: Record<Screen, { bench: string; target: number; what: string }> = {
        home: {
          bench: 'app-start-home',
          target: HOME_TARGET_MS,
          what: `navigation start of #/ in a fresh page of the built app until the frame showing the project list (median of ${RUNS})`,
        },
        rows: {
          bench: `app-start-asset-rows-${COUNT}`,
          target: ROWS_TARGET_MS,
          what: `navigation start of #/projects/<id>/assets in a fresh page of the built app until the frame showing the first rows of ${COUNT} assets (median of ${RUNS})`,
        },
      };
      for (const build of builds) {
        for (const screen of ['home', 'rows'] as const) {
          const measured = runsOf(build, screen);
          const med = (pick: (run: Run) => number) => round(median(measured.map(pick)), 0);
          const value = med((run) => run.painted);
          emit({
            bench: build === 'app' ? describe[screen].bench : `${describe[screen].bench}-baseline`,
            value,
            unit: 'ms',
            runs: measured.map((run) => round(run.painted, 0)),
            shell: med((run) => run.shell),
            domContentLoaded: med((run) => run.domContentLoaded),
            scriptKB: med((run) => run.scriptBytes / 1000),
            ...(build === 'app'
              ? { target: describe[screen].target, meets: value <= describe[screen].target }
              : { baseline: baselineSource }),
            what: `${describe[screen].what}; shell: the header rendered, scriptKB: JavaScript received by then${build === 'baseline' ? `; the build in ${baselineSource}` : ''}`,
          });
        }
      }
    },
  );
});
