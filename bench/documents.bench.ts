/**
 * Word deliverables in Node, each case in a process of its own so that its peak memory
 * (maxRSS) is its own:
 *
 * - baseline-10k: the 配置基线检查报告 of 334 Linux servers × 30 items (10,020 result rows),
 *   built with the kit and packed; its pages counted in LibreOffice;
 * - bare-table-10k: the bare docx library building one table of the same 10,020 rows (same
 *   texts, same six columns, repeating header) and packing it: docx's own cost for such a table;
 * - monthly-200x30: the 巡检月报 of 200 assets × 30 days of daily patrol (the catalogue's
 *   metrics of each asset type), trend charts (SVG and PNG) included.
 *
 * BENCH_DOCS_CASES=baseline-10k,bare-table-10k,monthly-200x30   BENCH_DOCS_RUNS=3
 * BENCH_DOCS_PAGES=0 skips the page counts (LibreOffice takes a minute or two for each).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseResult } from './lib/documents-cases';
import { emit, log, median, round, runBench } from './lib/harness';

const cases = (process.env.BENCH_DOCS_CASES ?? 'baseline-10k,bare-table-10k,monthly-200x30').split(',').filter(Boolean);
const RUNS = Number(process.env.BENCH_DOCS_RUNS ?? 3);
const countPages = process.env.BENCH_DOCS_PAGES !== '0';

const what: Record<string, string> = {
  'baseline-10k': '配置基线检查报告, 334 servers × 30 items (10,020 result rows): kit build + pack',
  'bare-table-10k': 'bare docx: one table of the same 10,020 rows × 6 columns with a repeating header, build + pack',
  'monthly-200x30': '巡检月报, 200 assets × 30 days of daily patrol, with trend charts: build + pack',
};

/** Targets from issue 13 (ms, MB); a case without one reports its figures only. */
const targets: Record<string, { ms?: number; mb?: number }> = {
  'baseline-10k': { ms: 5000, mb: 400 },
  'monthly-200x30': { ms: 4000 },
};

if (process.argv.includes('--case')) {
  const name = process.argv[process.argv.indexOf('--case') + 1]!;
  const { runCase } = await import('./lib/documents-cases');
  const result: CaseResult = await runCase(name);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

/** Pages of a .docx as LibreOffice lays it out (Noto CJK standing in for 宋体/黑体). */
function pagesOf(docx: string): number {
  const dir = path.dirname(docx);
  const convert = spawnSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, docx],
    { encoding: 'utf8', timeout: 15 * 60_000 },
  );
  if (convert.status !== 0) throw new Error(`soffice: ${convert.stderr}`);
  const info = spawnSync('pdfinfo', [docx.replace(/\.docx$/, '.pdf')], { encoding: 'utf8' });
  const pages = /Pages:\s+(\d+)/.exec(info.stdout)?.[1];
  if (!pages) throw new Error(`pdfinfo: ${info.stderr}`);
  return Number(pages);
}

runBench(async () => {
  const self = fileURLToPath(import.meta.url);
  for (const name of cases) {
    const runs: CaseResult[] = [];
    const dir = mkdtempSync(path.join(tmpdir(), 'fieldbook-docs-bench-'));
    const saved = path.join(dir, `${name}.docx`);
    try {
      for (let run = 0; run < RUNS; run++) {
        const env = run === 0 ? { ...process.env, BENCH_DOCS_SAVE: saved } : process.env;
        const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--case', name], {
          encoding: 'utf8',
          maxBuffer: 1 << 24,
          env,
        });
        if (child.status !== 0) throw new Error(`${name}: ${child.stderr}`);
        const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as CaseResult;
        log(
          `${name} run ${run + 1}/${RUNS}: ${result.rows} rows${result.anomalies === undefined ? '' : ` (${result.anomalies} anomalies)`}, build ${Math.round(result.buildMs)} ms, pack ${Math.round(result.packMs)} ms (CPU ${Math.round(result.cpuMs)} ms), ${Math.round(result.bytes / 1024)} KB, peak RSS ${Math.round(result.maxRssMb)} MB (${Math.round(result.dataRssMb)} MB with the data alone)`,
        );
        runs.push(result);
      }
      const total = runs.map((r) => r.buildMs + r.packMs);
      const target = targets[name] ?? {};
      const ms = median(total);
      const mb = median(runs.map((r) => r.maxRssMb));
      emit({
        bench: `docs-${name}-time`,
        value: round(ms, 0),
        unit: 'ms',
        runs: total.map((t) => round(t, 0)),
        build: round(median(runs.map((r) => r.buildMs)), 0),
        pack: round(median(runs.map((r) => r.packMs)), 0),
        cpu: round(median(runs.map((r) => r.cpuMs)), 0),
        kb: round(median(runs.map((r) => r.bytes)) / 1024, 0),
        ...(target.ms ? { target: target.ms, meets: ms <= target.ms } : {}),
        what: `${what[name] ?? name} (median of ${RUNS}, each in a fresh process; cpu: user + system time, which a busy machine does not inflate)`,
      });
      emit({
        bench: `docs-${name}-peak-rss`,
        value: round(mb, 0),
        unit: 'MB',
        runs: runs.map((r) => round(r.maxRssMb, 0)),
        dataOnly: round(median(runs.map((r) => r.dataRssMb)), 0),
        ...(target.mb ? { target: target.mb, meets: mb <= target.mb } : {}),
        what: `peak resident memory of the process doing ${what[name] ?? name} (Node's maxRSS; dataOnly: the process with the fixture data built, before the document)`,
      });
      if (name === 'baseline-10k' && countPages) {
        const pages = pagesOf(saved);
        emit({
          bench: 'docs-baseline-10k-pages',
          value: pages,
          unit: 'pages',
          before: 1441,
          what: 'pages of the same 配置基线检查报告 laid out by LibreOffice (soffice → PDF, pdfinfo); 1,441 before the summary matrix and grouped findings',
        });
      }
      if (name === 'monthly-200x30' && countPages) {
        emit({
          bench: 'docs-monthly-200x30-pages',
          value: pagesOf(saved),
          unit: 'pages',
          entries: runs[0]!.rows,
          anomalies: runs[0]!.anomalies,
          what: 'pages of the same 巡检月报 laid out by LibreOffice (soffice → PDF, pdfinfo); entries: patrol entries (object × day), anomalies: readings at 警告 or 严重 among them',
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});
