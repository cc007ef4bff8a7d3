/**
 * Writes every Word deliverable of the demo bank project (with generated survey photos) into a
 * folder, to look at them in Word, WPS or LibreOffice:
 *
 *   npm run export:sample -- --out DIR [--pdf] [--allow-missing]
 *
 * --pdf also converts them with LibreOffice headless (soffice) into DIR/pdf.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type DocumentType, documentTypes, preIssueCheck, prepareExport, renderDocument } from '../shared/documents';
import { OPERATIONS_TODAY, richFixture } from '../test/documents/helpers/fixture';
import { nodeChartRasteriser } from './node-chart-rasteriser';

const { values } = parseArgs({
  options: { out: { type: 'string' }, pdf: { type: 'boolean' }, 'allow-missing': { type: 'boolean' } },
});
if (!values.out) {
  console.error('usage: npm run export:sample -- --out DIR [--pdf] [--allow-missing]');
  process.exit(2);
}
const out = resolve(values.out);
mkdirSync(out, { recursive: true });

const fixture = richFixture();
const rasteriseChart = await nodeChartRasteriser();
const now = new Date();
const pad = (n: number) => String(n).padStart(2, '0');
const exportedAt = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
const written: string[] = [];

// 交付前检查: what contradicts what before anything is issued (the demo has nothing to report).
const findings = preIssueCheck(fixture.data, { today: OPERATIONS_TODAY });
console.log(`交付前检查：${findings.length ? `${findings.length} 项` : '未发现矛盾或缺漏'}`);
for (const f of findings) console.log(`  - ${f.message.zh}  → ${f.route}`);

for (const type of documentTypes) {
  // A periodic document (巡检日志, 巡检月报, 变更记录) covers its latest day or month with data.
  const period = (type as DocumentType).defaultPeriod?.(fixture.data) ?? undefined;
  const { meta, record } = prepareExport({
    docType: type.key,
    project: fixture.data.project,
    exports: fixture.exports,
    exportedBy: '陈立',
    exportedAt,
    company: '恒信科技有限公司',
    reviewedBy: { name: '周明', date: exportedAt.slice(0, 10) },
    period,
  });
  const started = Date.now();
  const result = await renderDocument(type.key, fixture.data, meta, {
    allowMissing: Boolean(values['allow-missing']),
    files: fixture.files,
    period,
    rasteriseChart,
  });
  if (!result.ok) {
    console.log(`${type.title}: 缺少数据 — ${result.missing.map((gap) => gap.zh).join('；')}`);
    continue;
  }
  const file = join(out, record.fileName);
  writeFileSync(file, result.bytes);
  written.push(file);
  const notes = [...result.placeholders.map((p) => `待补充：${p}`), ...result.warnings];
  console.log(
    `${record.fileName}  ${(result.bytes.length / 1024).toFixed(0)} KB  ${Date.now() - started} ms${notes.length ? `  (${notes.join('；')})` : ''}`,
  );
}

if (values.pdf && written.length > 0) {
  const home = join(out, '.soffice-home');
  mkdirSync(home, { recursive: true });
  execFileSync(
    'soffice',
    ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', join(out, 'pdf'), ...written],
    { env: { ...process.env, HOME: home }, stdio: 'inherit' },
  );
}
