import { renderDocument, prepareExport } from '../../shared/documents';
import { largeBaselineFixture } from '../../test/documents/helpers/fixture';
import { writeFileSync } from 'node:fs';
const n = Number(process.argv[2] ?? 40);
const { data, files } = largeBaselineFixture(n, 30);
const meta = prepareExport({ docType: 'baselineReport', project: data.project, exports: [], exportedBy: '陈立', exportedAt: '2026-03-31T18:00', company: '恒信科技有限公司' }).meta;
const r = await renderDocument('baselineReport', data, meta, { allowMissing: true, files });
if (!r.ok) throw new Error();
writeFileSync(process.argv[3] ?? '/tmp/scale-view/b.docx', r.bytes);
