#!/usr/bin/env node
/**
 * npm run bench [-- filter…]: runs every bench/*.bench.{ts,mjs,js} in turn, each in its own Node
 * process (.ts through tsx), and passes on the figures they print: one JSON line per figure on
 * stdout, e.g. {"bench":"repo-update-p95","value":3.2,"unit":"ms"}. Progress goes to stderr.
 *
 * A filter keeps only the benchmark files whose name contains it (several filters: any of
 * them), e.g. `node bench/run.mjs table` or `npm run bench -- repo import`.
 *
 * The figures of the run are also kept in bench/.results/<time>.jsonl (git-ignored).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const benchDir = import.meta.dirname;
const repoRoot = path.dirname(benchDir);
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
/** A benchmark file that takes longer than this is stopped and counted as failed. */
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 10 * 60_000);

const files = readdirSync(benchDir)
  .filter((name) => /\.bench\.(ts|mjs|js)$/.test(name))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();

if (files.length === 0) {
  console.error(`no benchmark in bench/ matches ${filters.join(', ') || '*.bench.{ts,mjs,js}'}`);
  process.exit(1);
}

// Builds are shared by the benchmark files of one run (see bench/lib/harness.ts).
const runId = `${Date.now()}-${process.pid}`;
const figures = [];
const failed = [];
let current;

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // Each benchmark runs in its own process group: stop it with its browser and servers.
    if (current?.pid) {
      try {
        process.kill(-current.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    process.exit(130);
  });
}

const started = performance.now();
for (const file of files) {
  const fileStart = performance.now();
  console.error(`\n== ${file}`);
  const args = file.endsWith('.ts') ? ['--import', 'tsx', path.join(benchDir, file)] : [path.join(benchDir, file)];
  const code = await runOne(file, args);
  const seconds = ((performance.now() - fileStart) / 1000).toFixed(1);
  if (code === 0) console.error(`== ${file}: done in ${seconds} s`);
  else {
    console.error(`== ${file}: FAILED (${code}) after ${seconds} s`);
    failed.push(file);
  }
}

mkdirSync(path.join(benchDir, '.results'), { recursive: true });
const resultsFile = path.join(benchDir, '.results', `${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`);
writeFileSync(resultsFile, figures.map((figure) => `${JSON.stringify(figure)}\n`).join(''));
console.error(
  `\n${figures.length} figures from ${files.length - failed.length}/${files.length} benchmark files in ${((performance.now() - started) / 1000).toFixed(1)} s` +
    ` (kept in ${path.relative(repoRoot, resultsFile)})${failed.length ? `; FAILED: ${failed.join(', ')}` : ''}`,
);
process.exit(failed.length ? 1 : 0);

function runOne(file, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      env: { ...process.env, BENCH_RUN_ID: runId },
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    current = child;
    const timer = setTimeout(() => {
      console.error(`== ${file}: no result after ${TIMEOUT_MS / 1000} s, stopping it`);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }, TIMEOUT_MS);
    // Figures pass through as they come; anything else a benchmark prints goes to stderr.
    createInterface({ input: child.stdout }).on('line', (line) => {
      let figure;
      try {
        figure = JSON.parse(line);
      } catch {
        figure = undefined;
      }
      if (
        figure &&
        typeof figure.bench === 'string' &&
        typeof figure.value === 'number' &&
        typeof figure.unit === 'string'
      ) {
        figures.push({ ...figure, file });
        process.stdout.write(`${line}\n`);
      } else if (line.trim()) {
        process.stderr.write(`[${file} stdout] ${line}\n`);
      }
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      resolve(code ?? signal);
    });
  });
}
