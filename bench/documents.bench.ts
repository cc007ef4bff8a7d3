/**
 * Word deliverables in Node, each case in a process of its own so that its peak memory
 * (maxRSS) is its own:
 *
 * - baseline-10k: the 配置基线检查报告 of 334 Linux servers × 30 items (10,020 result rows),
 *   built with the kit and packed;
 * - bare-table-10k: the bare docx library building one table of the same 10,020 rows (same
 *   texts, same six columns, repeating header) and packing it: the floor for the kit's work;
 * - monthly-200x30: the 巡检月报 of 200 assets × 30 days of daily patrol (the catalogue's
 *   metrics of each asset type), trend charts (SVG and PNG) included.
 *
 * BENCH_DOCS_CASES=baseline-10k,bare-table-10k,monthly-200x30   BENCH_DOCS_RUNS=3
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CaseResult } from './lib/documents-cases';
import { emit, log, median, round, runBench } from './lib/harness';

const cases = (process.env.BENCH_DOCS_CASES ?? 'baseline-10k,bare-table-10k,monthly-200x30').split(',').filter(Boolean);
const RUNS = Number(process.env.BENCH_DOCS_RUNS ?? 3);


const what: Record<string, string> = {
  'baseline-10k': '配置基线检查报告, 334 servers × 30 items (10,020 result rows): kit build + pack',
  'bare-table-10k': 'bare docx: one table of the same 10,020 rows × 6 columns with a repeating header, build + pack',
  'monthly-200x30': '巡检月报, 200 assets × 30 days of daily patrol, with trend charts: build + pack',
};

if (process.argv.includes('--case')) {
  const name = process.argv[process.argv.indexOf('--case') + 1]!;
  const { runCase } = await import('./lib/documents-cases');
  const result: CaseResult = await runCase(name);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

runBench(async () => {
  const self = fileURLToPath(import.meta.url);
  for (const name of cases) {
    const runs: CaseResult[] = [];
    for (let run = 0; run < RUNS; run++) {
      const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--case', name], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (child.status !== 0) throw new Error(`${name}: ${child.stderr}`);
      const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as CaseResult;
      log(`${name} run ${run + 1}/${RUNS}: build ${Math.round(result.buildMs)} ms, pack ${Math.round(result.packMs)} ms, ${Math.round(result.bytes / 1024)} KB, peak RSS ${Math.round(result.maxRssMb)} MB (${Math.round(result.dataRssMb)} MB with the data alone)`);
      runs.push(result);
    }
    const total = runs.map((r) => r.buildMs + r.packMs);
    emit({
      bench: `docs-${name}-time`,
      value: round(median(total), 0),
      unit: 'ms',
      runs: total.map((t) => round(t, 0)),
      build: round(median(runs.map((r) => r.buildMs)), 0),
      pack: round(median(runs.map((r) => r.packMs)), 0),
      kb: round(median(runs.map((r) => r.bytes)) / 1024, 0),
      what: `${what[name] ?? name} (median of ${RUNS}, each in a fresh process)`,
    });
    emit({
      bench: `docs-${name}-peak-rss`,
      value: round(median(runs.map((r) => r.maxRssMb)), 0),
      unit: 'MB',
      runs: runs.map((r) => round(r.maxRssMb, 0)),
      dataOnly: round(median(runs.map((r) => r.dataRssMb)), 0),
      what: `peak resident memory of the process doing ${what[name] ?? name} (Node's maxRSS; dataOnly: the process with the fixture data built, before the document)`,
    });
  }
});
