import { describe, expect, it } from 'vitest';
import {
  documentNumber,
  documentRegister,
  type DocumentTypeKey,
  documentTypes,
  prepareExport,
  renderDocument,
} from '../../shared/documents';
import type { DocumentExportFields } from '../../shared/records/document-export';
import { richFixture } from './helpers/fixture';
import { readBack } from './helpers/read-docx';

/**
 * A document's identity is (project, type, scope): each day's 巡检日志, each month's 巡检月报 and
 * each 变更记录 period has its own 文档编号, versions and 修订记录; a one-off document has one.
 */
type Issue = DocumentExportFields & { id: string; deleted?: boolean };
const project = { code: 'JNB-OPS-2026' };

function issue(
  exports: Issue[],
  docType: DocumentTypeKey,
  exportedAt: string,
  options: { period?: { from: string; to: string }; revision?: 'correction' | 'reapproval' } = {},
) {
  const prepared = prepareExport({
    docType,
    project,
    exports,
    exportedBy: '陈立',
    exportedAt,
    company: '恒信科技有限公司',
    ...options,
  });
  exports.push({ ...prepared.record, id: `e${exports.length + 1}` });
  return prepared;
}

describe('document identity and versions per period', () => {
  it('three days of 巡检日志 are three documents at V1.0, each with its own number and history', () => {
    const exports: Issue[] = [];
    const days = ['2026-03-14', '2026-03-15', '2026-03-16'];
    const metas = days.map(
      (day) => issue(exports, 'patrolLog', `${day}T18:00`, { period: { from: day, to: day } }).meta,
    );
    expect(metas.map((m) => `${m.documentNumber} V${m.version}.${m.minor}`)).toEqual([
      'JNB-OPS-2026-PLOG-20260314 V1.0',
      'JNB-OPS-2026-PLOG-20260315 V1.0',
      'JNB-OPS-2026-PLOG-20260316 V1.0',
    ]);
    for (const meta of metas)
      expect(meta.revisions).toEqual([{ version: 1, minor: 0, date: meta.date, author: '陈立', note: '首次发布' }]);
  });

  it('a month report is numbered by its month and says 首次发布 on its own first issue', () => {
    const exports: Issue[] = [];
    issue(exports, 'patrolMonthlyReport', '2026-02-01T09:00', { period: { from: '2026-01-01', to: '2026-01-31' } });
    const march = issue(exports, 'patrolMonthlyReport', '2026-04-01T09:00', {
      period: { from: '2026-03-05', to: '2026-03-05' },
    });
    expect(march.meta.documentNumber).toBe('JNB-OPS-2026-PMR-202603');
    expect(march.record.scope).toBe('2026-03');
    expect(march.meta.revisions).toEqual([
      { version: 1, minor: 0, date: '2026-04-01', author: '陈立', note: '首次发布' },
    ]);
  });

  it('corrects an unsigned issue as V1.1 and re-approves a signed one as V2.0, the user choosing otherwise', () => {
    const exports: Issue[] = [];
    issue(exports, 'serviceLevelAgreement', '2026-01-10T09:00');
    const correction = issue(exports, 'serviceLevelAgreement', '2026-01-11T09:00');
    expect([correction.meta.version, correction.meta.minor, correction.record.fileName]).toEqual([
      1,
      1,
      'JNB-OPS-2026-服务级别协议-V1.1.docx',
    ]);
    exports.at(-1)!.status = 'signed';
    const reapproval = issue(exports, 'serviceLevelAgreement', '2026-02-01T09:00');
    expect([reapproval.meta.version, reapproval.meta.minor]).toEqual([2, 0]);
    const chosen = issue(exports, 'serviceLevelAgreement', '2026-02-02T09:00', { revision: 'reapproval' });
    expect([chosen.meta.version, chosen.meta.minor]).toEqual([3, 0]);
    expect(chosen.meta.revisions.map((r) => `V${r.version}.${r.minor}`)).toEqual(['V1.0', 'V1.1', 'V2.0', 'V3.0']);
  });

  it('numbers documents by the project’s own scheme', () => {
    expect(
      documentNumber({
        projectCode: 'JNB',
        typeCode: 'PMR',
        scope: '2026-03',
        pattern: '{项目编号}/{年}/{文档代码}-{期间}',
      }),
    ).toBe('JNB/2026/PMR-202603');
    expect(
      documentNumber({
        projectCode: 'JNB',
        typeCode: 'SRS',
        scope: '',
        pattern: '{项目编号}-{年}-{文档代码}-{期间}',
        year: '2026',
      }),
    ).toBe('JNB-2026-SRS');
    expect(documentNumber({ projectCode: 'JNB', typeCode: 'CHG', scope: '2026-03-01~2026-03-20' })).toBe(
      'JNB-CHG-20260301-20260320',
    );
    expect(documentNumber({ projectCode: 'JNB', typeCode: 'SRS', scope: '' })).toBe('JNB-SRS');
    // A range that is one whole calendar month is written as the month; February of a leap year too.
    expect(documentNumber({ projectCode: 'JNB', typeCode: 'CHG', scope: '2026-03-01~2026-03-31' })).toBe(
      'JNB-CHG-202603',
    );
    expect(documentNumber({ projectCode: 'JNB', typeCode: 'CHG', scope: '2028-02-01~2028-02-29' })).toBe(
      'JNB-CHG-202802',
    );
    expect(documentNumber({ projectCode: 'JNB', typeCode: 'CHG', scope: '2026-03-01~2026-04-30' })).toBe(
      'JNB-CHG-20260301-20260430',
    );
  });

  it('keeps a register of every identity with its current version and status', () => {
    const exports: Issue[] = [];
    issue(exports, 'requirementsSpec', '2026-01-10T09:00');
    issue(exports, 'requirementsSpec', '2026-01-12T09:00');
    exports.at(-1)!.status = 'submitted';
    issue(exports, 'patrolLog', '2026-03-15T18:00', { period: { from: '2026-03-15', to: '2026-03-15' } });
    const register = documentRegister(
      exports,
      documentTypes.map((t) => t.key),
      () => '?',
    );
    expect(
      register.map((r) => [
        r.docType,
        r.scope,
        r.documentNumber,
        `V${r.current.version}.${r.current.minor}`,
        r.status,
        r.files.length,
      ]),
    ).toEqual([
      ['requirementsSpec', '', 'JNB-OPS-2026-SRS', 'V1.1', 'submitted', 2],
      ['patrolLog', '2026-03-15', 'JNB-OPS-2026-PLOG-20260315', 'V1.0', 'draft', 1],
    ]);
  });

  it('the 交接文档 lists the versions actually issued, with their numbers and status', async () => {
    const fixture = richFixture();
    const exports: Issue[] = [];
    issue(exports, 'requirementsSpec', '2026-01-10T09:00');
    issue(exports, 'requirementsSpec', '2026-01-12T09:00');
    exports.at(-1)!.status = 'signed';
    issue(exports, 'patrolLog', '2026-03-15T18:00', { period: { from: '2026-03-15', to: '2026-03-15' } });
    const data = {
      ...fixture.data,
      project: { ...fixture.data.project, code: project.code },
      documentExports: exports,
    };
    const { meta } = prepareExport({
      docType: 'handover',
      project,
      exports,
      exportedBy: '陈立',
      exportedAt: '2026-04-01T09:00',
      company: '恒信科技有限公司',
    });
    const result = await renderDocument('handover', data, meta, { allowMissing: true, files: fixture.files });
    if (!result.ok) throw new Error(result.missing.map((gap) => gap.zh).join());
    const text = (await readBack(result.bytes)).text.replace(/\s+/g, ' ');
    expect(text).toContain('《需求规格说明书》 JNB-OPS-2026-SRS V1.1 已签署 2026-01-12');
    expect(text).toContain('《巡检日志（2026-03-15）》 JNB-OPS-2026-PLOG-20260315 V1.0 草稿 2026-03-15');
  }, 120_000);
});
