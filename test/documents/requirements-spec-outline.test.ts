/**
 * The 需求规格说明书 follows GB/T 8567-2006's outline of a 软件需求规格说明: 1 范围 (标识, 系统概述,
 * 文档概述), 2 引用文件, 3 需求, 4 合格性规定, 5 需求可追踪性, 6 尚未解决的问题, 7 注解 — read back
 * from the generated .docx, with what 引用文件 and 尚未解决的问题 hold taken from the records.
 */
import { describe, expect, it } from 'vitest';
import { documentNumber, prepareExport, renderDocument } from '../../shared/documents';
import { chapterRef, chapterTitles } from '../../shared/documents/chapters';
import type { ProjectDocumentData } from '../../shared/documents/data';
import { emptyFixture, richFixture } from './helpers/fixture';
import { readBack, tocLines } from './helpers/read-docx';
import { zh } from '../unit/helpers/gaps';

const GB_T_8567_SRS = ['范围', '引用文件', '需求', '合格性规定', '需求可追踪性', '尚未解决的问题', '注解'];

async function specOf(data: ProjectDocumentData, allowMissing = false) {
  const { meta } = prepareExport({
    docType: 'requirementsSpec',
    project: data.project,
    exports: data.documentExports ?? [],
    exportedBy: '陈立',
    exportedAt: '2026-01-20T15:30',
    company: '恒信科技有限公司',
  });
  const result = await renderDocument('requirementsSpec', data, meta, { allowMissing, files: new Map() });
  if (!result.ok) throw new Error(zh(result.missing).join('; '));
  return readBack(result.bytes);
}

/** The text of chapter `title` up to the next chapter (mammoth's raw text, after the 目录). */
function chapterText(text: string, title: string): string {
  const body = text.slice(text.lastIndexOf('目  录'));
  const next = GB_T_8567_SRS[GB_T_8567_SRS.indexOf(title) + 1];
  const lines = body.split('\n');
  const start = lines.findIndex((line) => line.trim() === title && !/\t/.test(line));
  const end = next ? lines.findIndex((line, i) => i > start && line.trim() === next) : lines.length;
  expect(start, title).toBeGreaterThan(-1);
  return lines.slice(start, end).join('\n');
}

describe('需求规格说明书: the GB/T 8567-2006 outline', () => {
  it('has the chapters in GB/T 8567 order, 范围 with 标识, 系统概述, 文档概述, numbered in the 目录', async () => {
    const doc = await specOf(richFixture().data);
    expect(doc.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(GB_T_8567_SRS);
    expect(chapterTitles('requirementsSpec')).toEqual(GB_T_8567_SRS);
    const scope = doc.headings.slice(
      1,
      doc.headings.findIndex((h) => h.text === '引用文件'),
    );
    expect(scope.map((h) => h.text)).toEqual(['标识', '系统概述', '文档概述']);
    const toc = tocLines(doc.text).map((line) => line.split('\t')[0]);
    for (const [i, title] of GB_T_8567_SRS.entries()) expect(toc).toContain(`${i + 1} ${title}`);
    // References inside the document name the chapters and sections where they are now.
    expect(toc).toContain('3.2 运维对象');
    expect(doc.text).toContain('详见 3.2 节');
    expect(doc.text).toContain('第 2 章列出本文档引用的文件；第 3 章说明调研概况');
    expect(doc.text).toContain('第 6 章列出尚未解决的问题；第 7 章为注解');
    expect(doc.text).toContain(`即${chapterRef('requirementsSpec', 'qualification')}的判据`);
    expect(chapterRef('requirementsSpec', 'qualification')).toBe('第 4 章「合格性规定」');
  });

  it('lists in 引用文件 the deliverables it cites by 文档编号, the standards, the contract and the source documents', async () => {
    const { data } = richFixture();
    const references = chapterText((await specOf(data)).text, '引用文件');
    // Issued twice in the fixture, the second signed: the register's number and current version.
    expect(references).toMatch(/JNB-OPS-2026-FRA\s+《可行性评估与风险报告》\s+V2\.0（已签署）\s+2026-01-16/);
    expect(references).toMatch(/JNB-OPS-2026-SLA\s+《服务级别协议》\s+V2\.0（已签署）/);
    expect(references).toMatch(/GB\/T 8567-2006\s+《计算机软件文档编制规范》/);
    expect(references).toContain('《IT运维项目服务流程标准》');
    expect(references).toContain(data.project.contractNo);
    expect(references).toContain('《江南银行外包人员安全管理办法》');

    // Before anything is issued: the number the project's scheme gives, marked 未发布.
    const fresh = chapterText(
      (
        await specOf({
          ...data,
          project: { ...data.project, documentNumberPattern: '{项目编号}/{文档代码}' },
          documentExports: [],
        })
      ).text,
      '引用文件',
    );
    const number = documentNumber({
      projectCode: data.project.code,
      typeCode: 'SLA',
      scope: '',
      pattern: '{项目编号}/{文档代码}',
    });
    expect(number).toBe('JNB-OPS-2026/SLA');
    expect(fresh).toMatch(/JNB-OPS-2026\/SLA\s+《服务级别协议》\s+未发布/);
  });

  it('lists in 尚未解决的问题 the unconfirmed requirements, open follow-ups and open risks', async () => {
    const { data } = richFixture();
    const pending = data.requirements.filter((r) => r.status !== 'confirmed');
    expect(pending.length).toBeGreaterThan(0);
    const open = chapterText((await specOf(data)).text, '尚未解决的问题');
    expect(open).toContain('待确认的需求');
    for (const r of pending) expect(open).toContain(r.code);
    for (const r of data.requirements.filter((r) => r.status === 'confirmed')) expect(open).not.toContain(r.code);
    expect(open).toContain('更换 B 列交换机电源模块'); // the survey follow-up still open
    expect(open).not.toContain('提供近一年故障记录'); // the one done
    for (const risk of data.risks.filter((r) => r.status !== 'closed'))
      expect(open).toContain(risk.description.slice(0, 12));
    expect(open).not.toMatch(/^无。/m);
  });

  it('says 无 when every requirement is confirmed, every follow-up done and every risk closed', async () => {
    const { data } = richFixture();
    const settled: ProjectDocumentData = {
      ...data,
      requirements: data.requirements.map((r) => ({
        ...r,
        status: 'confirmed',
        confirmedBy: '王建国',
        confirmedAt: '2026-01-18',
      })),
      surveySessions: data.surveySessions.map((s) => ({
        ...s,
        followUps: s.followUps.map((f) => ({ ...f, done: 'done' })),
      })),
      risks: data.risks.map((r) => ({ ...r, status: 'closed' })),
    };
    const open = chapterText((await specOf(settled)).text, '尚未解决的问题');
    expect(open).toContain('无。截至本文档编制时，没有待客户确认的需求、未完成的调研跟进事项或未关闭的风险。');
    expect(open).not.toContain('待确认的需求\n');
  });

  it('is produced for a project with nothing recorded, every chapter there', async () => {
    const doc = await specOf(emptyFixture(), true);
    expect(doc.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(GB_T_8567_SRS);
    expect(chapterText(doc.text, '尚未解决的问题')).toContain('无。');
    expect(chapterText(doc.text, '引用文件')).toMatch(/EMPTY-01-SLA\s+《服务级别协议》\s+未发布/);
  });
});
