/**
 * What every benchmark file shares: figures on stdout (one JSON line each), progress on
 * stderr, statistics, and the builds, static server and browser the browser benchmarks need.
 *
 * A benchmark is a file bench/<name>.bench.ts (or .mjs) that bench/run.mjs starts as its own
 * Node process. It may also be run alone: `npx tsx bench/<name>.bench.ts`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const benchDir = path.resolve(import.meta.dirname, '..');
export const repoRoot = path.resolve(benchDir, '..');
/** Builds (bench page, app): throwaway, git-ignored. */
export const distDir = path.join(benchDir, 'dist');
/** Browser profiles: throwaway, git-ignored. */
export const profileRoot = path.join(benchDir, '.profile');

/** One measured figure, printed as one JSON line. Extra fields (samples, target…) are welcome. */
export interface Figure {
  bench: string;
  value: number;
  unit: string;
  [extra: string]: unknown;
}

export function emit(figure: Figure): void {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

/** Human-readable progress: stderr, so stdout stays one JSON figure per line. */
export function log(message: string): void {
  process.stderr.write(`[${path.basename(process.argv[1] ?? 'bench')}] ${message}\n`);
}

/** Rounded for printing: figures are milliseconds, a few decimals is plenty. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

export async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    log(`${what}: ${Math.round(performance.now() - start)} ms`);
  }
}

/**
 * Builds once per `npm run bench`: run.mjs sets BENCH_RUN_ID, and a build stamped with the same
 * id is reused by later benchmark files of that run. A benchmark run alone always rebuilds.
 */
async function buildOnce(name: string, build: () => Promise<void>): Promise<string> {
  const outDir = path.join(distDir, name);
  const stamp = path.join(distDir, `.${name}.built`);
  const runId = process.env.BENCH_RUN_ID;
  if (runId && existsSync(stamp) && readFileSync(stamp, 'utf8') === runId && existsSync(outDir)) return outDir;
  await timed(`vite build ${name}`, build);
  mkdirSync(distDir, { recursive: true });
  writeFileSync(stamp, runId ?? '');
  return outDir;
}

async function viteBuild(configFile: string, outDir: string): Promise<void> {
  // The repository's configs import without file extensions, which Vite's bundled config
  // loader handles; its note about the future native loader is noise here.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  const { build } = await import('vite');
  await build({
    configFile,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
  });
}

/** The bench page (bench/browser/bench.html): the real data layer, driven from Playwright. */
export function buildBenchPage(): Promise<string> {
  const outDir = path.join(distDir, 'page');
  return buildOnce('page', () => viteBuild(path.join(benchDir, 'vite.config.ts'), outDir));
}

/** The real web app, built by the repository's own vite.config.ts into bench/dist/app. */
export function buildApp(): Promise<string> {
  const outDir = path.join(distDir, 'app');
  return buildOnce('app', () => viteBuild(path.join(repoRoot, 'vite.config.ts'), outDir));
}

/** A fresh, empty profile folder for a persistent browser context. */
export function freshProfile(name: string): string {
  const dir = path.join(profileRoot, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Runs a benchmark's main function; a failure is reported and makes the process exit 1. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    },
  );
}
