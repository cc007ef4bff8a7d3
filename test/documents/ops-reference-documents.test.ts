import { beforeAll, describe, expect, it } from 'vitest';
import {
  type DocumentTypeKey,
  documentType,
  prepareExport,
  type ProjectDocumentData,
  renderDocument,
} from '../../shared/documents';
import { minutesText } from '../../shared/documents/kit/format';
import { formatWithUnit } from '../../shared/operations';
import { escalationTargets, opsTaskKinds } from '../../shared/records/operations';
import { emptyFixture, richFixture } from './helpers/fixture';
import { type ReadBack, readBack, validationErrors } from './helpers/read-docx';
import { zh } from '../unit/helpers/gaps';

/** The 运维技术方案, 运维操作手册 (phase 二) and 交接文档 (phase 四). */
const keys = ['opsTechnicalPlan', 'opsManual', 'handover'] as const satisfies readonly DocumentTypeKey[];
type Key = (typeof keys)[number];

const fixture = richFixture();
const data = fixture.data;
const design = data.serviceDesign!;

function metaFor(key: DocumentTypeKey) {
  return prepareExport({
    docType: key,
    project: data.project,
    exports: fixture.exports,
    exportedBy: '陈立',
    exportedAt: '2026-04-02T10:00',
    company: '恒信科技有限公司',
  }).meta;
}

function missingOf(key: Key, of: ProjectDocumentData): string[] {
  return zh(documentType(key)!.missing(of));
}

/** What one chapter says: the text from its heading (a line of its own, unlike the TOC's "4 标题\t8") to the next one given. */
function chapter(text: string, from: string, to?: string): string {
  const start = text.indexOf(`\n${from}\n`);
  expect(start, from).toBeGreaterThan(-1);
  const rest = text.slice(start);
  const end = to ? rest.indexOf(`\n${to}\n`) : -1;
  return end < 0 ? rest : rest.slice(0, end);
}

describe('运维技术方案, 运维操作手册 and 交接文档 from the rich demo project', () => {
  const read = new Map<Key, ReadBack>();
  const bytes = new Map<Key, Uint8Array>();

  beforeAll(async () => {
    for (const key of keys) {
      expect(missingOf(key, data), key).toEqual([]);
      const result = await renderDocument(key, data, metaFor(key), { allowMissing: false, files: fixture.files });
      if (!result.ok) throw new Error(`${key}: ${zh(result.missing).join('; ')}`);
      expect(result.placeholders).toEqual([]);
      expect(result.warnings).toEqual([]);
      bytes.set(key, result.bytes);
      read.set(key, await readBack(result.bytes));
    }
  }, 60_000);

  it.each(keys)(
    '%s passes the Open XML SDK validator',
    async (key) => {
      expect(await validationErrors(bytes.get(key)!)).toEqual([]);
    },
    60_000,
  );

  it.each(keys)(
    '%s has the cover, numbered headings and a sign-off or repeating table headers of a deliverable',
    (key) => {
      const doc = read.get(key)!;
      const type = documentType(key)!;
      const cover = doc.text.slice(0, doc.text.indexOf('修订记录'));
      for (const line of [type.title, data.project.name, `${data.project.code}-${type.code}`, 'V3.0'])
        expect(cover, line).toContain(line);
      expect(doc.headings.filter((h) => h.level === 1).length).toBeGreaterThanOrEqual(4);
      expect(doc.html).toContain('<thead>');
      expect(doc.text).not.toContain('待补充');
    },
  );

  describe('运维技术方案', () => {
    it('has the chapters of a technical plan', () => {
      expect(
        read
          .get('opsTechnicalPlan')!
          .headings.filter((h) => h.level === 1)
          .map((h) => h.text),
      ).toEqual(['概述', '服务模式与组织', '服务级别目标', '监控指标与阈值', '故障分级与升级', '变更管理', '配置基线']);
    });

    it('states the service model, shifts and who covers what', () => {
      const text = read.get('opsTechnicalPlan')!.text;
      const night = design.shifts.find((s) => s.end < s.start)!;
      expect(text).toContain(`${night.start}–次日 ${night.end}`);
      for (const shift of design.shifts) expect(text).toContain(shift.name);
      expect(text).toContain(design.coverage);
      for (const member of data.members.filter((m) => m.role !== 'customerContact'))
        expect(text).toContain(member.name);
    });

    it('lists every threshold of the design with its level, unit and direction', () => {
      const text = chapter(read.get('opsTechnicalPlan')!.text, '监控指标与阈值', '故障分级与升级');
      for (const t of design.thresholds) {
        expect(text, t.label).toContain(t.label);
        if (t.warning !== null)
          expect(text, `${t.label} 预警`).toContain(
            `${t.direction === 'above' ? '≥' : '≤'} ${formatWithUnit(t.warning, t.unit)}`,
          );
        if (t.critical !== null)
          expect(text, `${t.label} 严重`).toContain(
            `${t.direction === 'above' ? '≥' : '≤'} ${formatWithUnit(t.critical, t.unit)}`,
          );
      }
      expect(text).toContain('高于阈值告警');
      // Status metrics come from the catalogue: the network devices' 告警灯.
      expect(text).toContain('告警灯');
    });

    it('summarises the SLA targets and grades, escalates and changes as the design says', () => {
      const text = read.get('opsTechnicalPlan')!.text;
      const p1 = data.sla!.priorities.find((p) => p.level === 'P1')!;
      expect(chapter(text, '服务级别目标', '监控指标与阈值')).toContain(p1.definition);
      expect(text).toContain(minutesText(p1.responseMinutes));
      expect(text).toContain('《服务级别协议》');
      const expert = data.members.find((m) => m.role === 'expert')!;
      const firstStep = design.escalation.find((s) => s.priority === 'P1' && s.to === 'secondLine')!;
      expect(text).toContain(
        `报障后 ${minutesText(firstStep.afterMinutes)}未恢复：升级至${escalationTargets.secondLine.zh}（${expert.name}）`,
      );
      for (const rule of design.changeRules) expect(text).toContain(rule.approver);
      expect(text).toContain('评估 → 审批 → 测试 → 实施 → 关闭');
    });

    it('lists the baselines in force with their item counts and most severe items', () => {
      const text = chapter(read.get('opsTechnicalPlan')!.text, '配置基线');
      for (const template of data.checklistTemplates!) {
        expect(text).toContain(template.name);
        expect(text).toContain(`${template.items.length} 个检查项`);
        for (const item of template.items.filter((i) => i.severity === 'critical'))
          expect(text, item.title).toContain(item.title);
      }
    });
  });

  describe('运维操作手册', () => {
    it('has the chapters of an operations manual', () => {
      expect(
        read
          .get('opsManual')!
          .headings.filter((h) => h.level === 1)
          .map((h) => h.text),
      ).toEqual(['概述', '日常巡检', '配置基线检查方法', '例行运维任务', '故障处理', '变更操作']);
    });

    it('describes each patrol plan: its assets, assignee, frequency and items with thresholds', () => {
      const text = chapter(read.get('opsManual')!.text, '日常巡检', '配置基线检查方法');
      const plan = data.patrolPlans![0]!;
      expect(text).toContain(plan.name);
      expect(text).toContain(plan.assignee);
      for (const id of plan.assetIds) expect(text).toContain(data.assets.find((a) => a.id === id)!.name);
      // The plan names no items: every metric of its assets' types, with the design's levels.
      const disk = design.thresholds.find((t) => t.assetType === 'server' && t.key === 'disk.maxUsePercent')!;
      expect(text).toContain(disk.label);
      expect(text).toContain(`≥ ${formatWithUnit(disk.critical!, disk.unit)}`);
    });

    it('tells how to check every baseline item: its command and expected result', () => {
      const text = chapter(read.get('opsManual')!.text, '配置基线检查方法', '例行运维任务');
      for (const template of data.checklistTemplates!) {
        for (const item of template.items) {
          expect(text, item.title).toContain(item.title);
          expect(text, item.method).toContain(item.method.split('\n')[0]!.trim());
        }
      }
    });

    it('lists the routine tasks with what was done recently, and the incident and change procedures', async () => {
      const doc = read.get('opsManual')!;
      for (const kind of Object.values(opsTaskKinds)) expect(doc.text).toContain(kind.zh);
      for (const log of data.opsLogs!) expect(doc.text).toContain(log.title);
      expect(doc.text).toContain(
        `P1 ${minutesText(data.sla!.priorities.find((p) => p.level === 'P1')!.responseMinutes)}`,
      );
      expect(doc.text).toContain('升级至项目经理');
      expect(doc.text).toContain('事后补批');
      // Commands are set in the monospace code style.
      expect(await doc.part('word/document.xml')).toContain('w:val="CodeBlock"');
    });
  });

  describe('交接文档', () => {
    it('has the chapters of a handover', () => {
      expect(
        read
          .get('handover')!
          .headings.filter((h) => h.level === 1)
          .map((h) => h.text),
      ).toEqual(['概述', '运维对象清单', '联系人', '遗留事项', '交付文档', '培训与知识转移']);
    });

    it('hands over the assets, the customer contacts and the team', () => {
      const text = read.get('handover')!.text;
      expect(text).toContain(`运维对象共 ${data.assets.length} 个`);
      for (const asset of data.assets) expect(text).toContain(asset.name);
      for (const s of data.stakeholders) expect(text).toContain(s.name);
      for (const phone of data.stakeholders.map((s) => s.phone).filter(Boolean)) expect(text).toContain(phone);
      for (const m of data.members.filter((x) => x.role !== 'customerContact')) expect(text).toContain(m.name);
    });

    it('lists the incidents, non-conformities and changes still open, and only those', () => {
      const text = chapter(read.get('handover')!.text, '遗留事项', '交付文档');
      const open = data.incidents!.filter((i) => i.status === 'open' || i.status === 'acknowledged');
      const done = data.incidents!.filter((i) => i.status === 'resolved' || i.status === 'closed');
      expect(open.length).toBeGreaterThan(0);
      expect(done.length).toBeGreaterThan(0);
      for (const i of open) expect(text).toContain(i.title);
      for (const i of done) expect(text).not.toContain(i.title);

      const unclosed = data.rectifications!.filter((r) => r.status !== 'verified' || r.recheckVerdict === 'fail');
      expect(unclosed.length).toBeGreaterThan(0);
      expect(text).toContain(`尚有 ${unclosed.length} 个未完成整改或复查`);
      for (const r of unclosed) {
        const inspection = data.inspections!.find((i) => i.id === r.inspectionId)!;
        expect(text).toContain(
          data.checklistTemplates!.find((t) => t.id === inspection.templateId)!.items.find((i) => i.id === r.itemId)!
            .title,
        );
        expect(text).toContain(r.action);
      }

      const openChanges = data.changeRecords!.filter((c) => !['closed', 'rejected', 'cancelled'].includes(c.state));
      for (const c of data.changeRecords!) expect(text.includes(c.title), c.title).toBe(openChanges.includes(c));
    });

    it('lists the latest version of every document delivered, titled and numbered as the registry says, in its order', () => {
      const text = chapter(read.get('handover')!.text, '交付文档', '培训与知识转移');
      const delivered = [...new Set(fixture.exports.map((e) => e.docType))].filter((key) => key !== 'handover');
      let last = -1;
      for (const key of delivered) {
        const type = documentType(key)!;
        // A periodic document is listed with its period: 《巡检日志（2026-03-31）》.
        const at = text.indexOf(type.period ? `《${type.title}（` : `《${type.title}》`);
        expect(at, type.title).toBeGreaterThan(last);
        last = at;
        expect(text).toContain(`${data.project.code}-${type.code}`);
      }
      const latest = Math.max(...fixture.exports.map((e) => e.version));
      expect(text).toMatch(new RegExp(`V${latest}\\.0\\s+已签署`));
      expect(text).not.toContain('V1.0');
      expect(text).not.toContain(`《${documentType('handover')!.title}》`);
    });

    it('records the training done and ends with the 甲方/乙方 sign-off', () => {
      const text = read.get('handover')!.text;
      for (const s of data.trainingSessions!) expect(text).toContain(s.topic);
      const pm = data.members.find((m) => m.role === 'pm')!;
      expect(text).toMatch(new RegExp(`代表人：${pm.name}（[^）]*移交人）`));
      expect(text).toContain('甲方（盖章）');
      expect(text).toContain('乙方（盖章）');
    });
  });
});

describe('missing data', () => {
  it.each(keys)(
    '%s names what is missing and refuses without allowMissing; with it, marks each gap 待补充',
    async (key) => {
      const empty = emptyFixture();
      const missing = missingOf(key, empty);
      expect(missing.length).toBeGreaterThan(0);
      expect(await renderDocument(key, empty, metaFor(key), { allowMissing: false })).toEqual({
        ok: false,
        missing: documentType(key)!.missing(empty),
      });
      const result = await renderDocument(key, empty, metaFor(key), { allowMissing: true });
      if (!result.ok) throw new Error(key);
      expect([...result.placeholders].sort()).toEqual([...missing].sort());
      const text = (await readBack(result.bytes)).text;
      for (const message of missing) expect(text, message).toContain(`【待补充：${message}】`);
      expect(await validationErrors(result.bytes)).toEqual([]);
    },
    60_000,
  );

  it('says which part of the design, plan or handover is missing', () => {
    const empty = emptyFixture();
    expect(missingOf('opsTechnicalPlan', empty)).toContain('服务设计未填写');
    expect(missingOf('opsManual', empty)).toContain('没有启用的巡检计划');
    expect(missingOf('handover', empty)).toEqual([
      '运维对象清单为空',
      '没有客户联系人',
      '没有服务团队成员',
      '没有已交付的文档',
      '没有培训记录',
    ]);
  });

  it('names the exact gaps of a partly recorded design and plan', async () => {
    const { data: partial } = richFixture();
    const d = partial.serviceDesign!;
    const step = d.escalation.findIndex((s) => s.priority === 'P1' && s.to === 'pm');
    d.escalation[step] = { ...d.escalation[step]!, afterMinutes: null };
    d.thresholds = [];
    d.changeRules = d.changeRules.map((r) => (r.type === 'emergency' ? { ...r, approver: '' } : r));
    const plan = partial.patrolPlans![0]!;
    partial.patrolPlans![0] = { ...plan, assignee: '', metricKeys: ['disk.maxUsePercent', 'no.such.metric'] };
    partial.stakeholders = [];

    const escalation = `服务设计：P1 升级至${escalationTargets.pm.zh}未设定时限`;
    const approver = '服务设计：紧急变更未指定审批人';
    expect(missingOf('opsTechnicalPlan', partial)).toEqual(['服务设计：未定义监控指标与阈值', escalation, approver]);
    expect(missingOf('opsManual', partial)).toEqual([
      `巡检计划“${plan.name}”未指定负责工程师`,
      `巡检计划“${plan.name}”的巡检项目“no.such.metric”未定义指标与阈值`,
      escalation,
      approver,
    ]);
    expect(missingOf('handover', partial)).toEqual(['没有客户联系人']);

    for (const key of keys) {
      const result = await renderDocument(key, partial, metaFor(key), { allowMissing: true, files: fixture.files });
      if (!result.ok) throw new Error(key);
      expect([...result.placeholders].sort(), key).toEqual([...missingOf(key, partial)].sort());
      const text = (await readBack(result.bytes)).text;
      for (const message of missingOf(key, partial)) expect(text, message).toContain(`【待补充：${message}】`);
    }
  }, 60_000);

  it('treats phase 二/四 collections a caller did not load as empty', () => {
    const { data: partial } = richFixture();
    for (const field of [
      'serviceDesign',
      'patrolPlans',
      'incidents',
      'changeRecords',
      'opsLogs',
      'documentExports',
    ] as const)
      delete partial[field];
    expect(missingOf('opsTechnicalPlan', partial)).toEqual(['服务设计未填写']);
    expect(missingOf('opsManual', partial)).toEqual(['没有启用的巡检计划', '服务设计未填写']);
    expect(missingOf('handover', partial)).toEqual(['没有已交付的文档']);
  });
});
