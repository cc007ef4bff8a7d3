import { projectSignOff } from './common';
import type { FileChild } from 'docx';
import { assetTypes, criticalities } from '../records/asset';
import { severities, type Severity } from '../records/checklist';
import { pilotConclusions, type PilotRunFields, problemStatuses } from '../records/deployment';
import { type BuildResult, live, type Row } from './data';
import { composeDocument } from './kit/compose';
import { findSlaTarget } from './parts/sla-targets';
import { type BuildOptions, DocumentContext } from './kit/context';
import { daysInclusive } from './kit/format';
import type { DocumentMeta } from './kit/meta';
import { colors } from './kit/styles';
import { type Cell, dataTable } from './kit/table';
import { bodyParagraph, bulletList, heading, labelled, orDash, paragraphs, placeholder } from './kit/text';
import {
  PILOT_REPORT_TITLE,
  type PilotReportData,
  pilotReportGaps as gaps,
  inOrder,
  pilotReportMissing,
} from './catalogue/pilot-report';

const severityFill: Record<Severity, string> = { critical: 'F4B084', major: 'FFE699', minor: 'DDEBF7' };
const metFill = { yes: 'C6E0B4', no: 'F4B084' } as const;

export function buildPilotReport(data: PilotReportData, meta: DocumentMeta, options: BuildOptions): BuildResult {
  const missing = pilotReportMissing(data);
  if (missing.length > 0 && !options.allowMissing) return { ok: false, missing };

  const ctx = new DocumentContext(options);
  const { project } = data;
  const pilots = inOrder(data.pilotRuns);
  const assets = new Map(live(data.assets).map((a) => [a.id, a]));
  const many = pilots.length > 1;
  const body: FileChild[] = [];
  /** Under each chapter: one heading 2 per pilot when there are several. */
  const each = (render: (p: Row<PilotRunFields>) => FileChild[]) => {
    if (pilots.length === 0) body.push(placeholder(ctx, gaps.pilots));
    for (const p of pilots) body.push(...(many ? [heading(p.name, 2)] : []), ...render(p));
  };

  // 1 概述 ------------------------------------------------------------------------------------
  body.push(heading('概述', 1, { newPage: true }), heading('试点目的', 2));
  body.push(
    bodyParagraph(
      `在全面切换前，选取部分系统按正式服务的流程与 SLA 试运行，验证服务流程、工具与团队的实际表现，发现并修正问题，评估是否具备全面切换条件。本报告记录“${project.name}”的试点范围、场景、发现的问题与修正、指标表现、客户反馈及结论。`,
    ),
  );
  body.push(heading('试点范围与周期', 2));
  if (pilots.length === 0) body.push(placeholder(ctx, gaps.pilots));
  for (const p of pilots) {
    const period = p.start && p.end ? `${p.start} 至 ${p.end}（${daysInclusive(p.start, p.end)} 天）` : '';
    if (many) body.push(labelled('试点', p.name));
    body.push(period ? labelled('试点周期', period) : placeholder(ctx, gaps.period(p.name)));
    const systems = p.systems.map((id) => assets.get(id)).filter((a) => a !== undefined);
    if (systems.length === 0) body.push(placeholder(ctx, gaps.scope(p.name)));
    else
      body.push(
        bodyParagraph(`试点范围包括以下 ${systems.length} 个运维对象。`),
        ...dataTable(ctx, {
          caption: `${p.name}范围`,
          columns: [
            { title: '序号', width: 8, align: 'center' },
            { title: '运维对象', width: 34 },
            { title: '类型', width: 14, align: 'center' },
            { title: '主机名 / IP', width: 30 },
            { title: '重要性', width: 14, align: 'center' },
          ],
          rows: systems.map((a, i) => [
            String(i + 1),
            a.name,
            assetTypes[a.type].zh,
            orDash([a.hostname, ...a.ips].filter(Boolean).join('\n')),
            criticalities[a.criticality].zh,
          ]),
        }),
      );
  }

  // 2 试点场景 ----------------------------------------------------------------------------------
  body.push(heading('试点场景', 1));
  each((p) => (p.scenarios.trim() ? paragraphs(p.scenarios) : [placeholder(ctx, gaps.scenarios(p.name))]));

  // 3 问题与修正 --------------------------------------------------------------------------------
  body.push(heading('问题与修正', 1));
  each((p) => {
    if (p.problems.length === 0) return [bodyParagraph('试点期间未发现问题。')];
    const fixed = p.problems.filter((x) => x.status === 'fixed').length;
    return [
      bodyParagraph(
        `试点期间发现问题 ${p.problems.length} 个，已修正 ${fixed} 个${fixed < p.problems.length ? `，${p.problems.length - fixed} 个仍在处理` : ''}。`,
      ),
      ...dataTable(ctx, {
        caption: `${p.name}问题与修正`,
        columns: [
          { title: '序号', width: 7, align: 'center' },
          { title: '问题描述', width: 35 },
          { title: '严重度', width: 10, align: 'center' },
          { title: '修正措施', width: 34 },
          { title: '状态', width: 14, align: 'center' },
        ],
        rows: p.problems.map((x, i): Cell[] => [
          String(i + 1),
          x.description,
          { text: severities[x.severity].zh, fill: severityFill[x.severity] },
          orDash(x.fix),
          x.status === 'fixed'
            ? problemStatuses[x.status].zh
            : { text: problemStatuses[x.status].zh, bold: true, color: colors.overdue },
        ]),
      }),
    ];
  });

  // 4 指标表现 ----------------------------------------------------------------------------------
  body.push(heading('指标表现', 1));
  body.push(bodyParagraph('试点期间按《服务级别协议》的考核指标统计实际表现，与 SLA 目标对照如下。'));
  /** The SLA's own target for an indicator it sets; an indicator the SLA does not set cites none. */
  const slaTarget = (indicator: PilotRunFields['indicators'][number]) =>
    findSlaTarget(data.sla, indicator.indicator)?.target || '非 SLA 指标';
  each((p) => {
    if (p.indicators.length === 0) return [placeholder(ctx, gaps.indicators(p.name))];
    const met = p.indicators.filter((i) => i.met === 'yes').length;
    return [
      ...dataTable(ctx, {
        caption: `${p.name}指标与 SLA 对照`,
        columns: [
          { title: '指标', width: 30 },
          { title: 'SLA 目标', width: 22, align: 'center' },
          { title: '实际表现', width: 30, align: 'center' },
          { title: '是否达标', width: 18, align: 'center' },
        ],
        rows: p.indicators.map((i): Cell[] => [
          i.indicator,
          slaTarget(i),
          orDash(i.observed),
          { text: i.met === 'yes' ? '达标' : '未达标', fill: metFill[i.met], bold: i.met === 'no' },
        ]),
      }),
      bodyParagraph(
        `${p.indicators.length} 项指标中 ${met} 项达标${
          met < p.indicators.length
            ? `，未达标：${p.indicators
                .filter((i) => i.met === 'no')
                .map((i) => i.indicator)
                .join('、')}`
            : ''
        }。`,
      ),
    ];
  });

  // 5 客户反馈 ----------------------------------------------------------------------------------
  body.push(heading('客户反馈', 1));
  each((p) => (p.customerFeedback.trim() ? paragraphs(p.customerFeedback) : [bodyParagraph('—')]));

  // 6 结论 --------------------------------------------------------------------------------------
  body.push(heading('结论', 1));
  each((p) => {
    if (p.conclusion === 'pending') return [placeholder(ctx, gaps.conclusion(p.name))];
    const out: FileChild[] = [labelled('试点结论', pilotConclusions[p.conclusion].zh)];
    if (p.conclusionNote.trim()) out.push(...paragraphs(p.conclusionNote));
    const open = p.problems.filter((x) => x.status !== 'fixed');
    const missed = p.indicators.filter((i) => i.met === 'no');
    if (p.conclusion !== 'failed' && (open.length > 0 || missed.length > 0)) {
      out.push(bodyParagraph('全面切换前后须落实以下事项：'));
      out.push(
        ...bulletList([
          ...open.map((x) => `${x.description}（${problemStatuses[x.status].zh}）`),
          ...missed.map(
            (i) =>
              `${i.indicator}：${findSlaTarget(data.sla, i.indicator) ? `SLA 目标 ${slaTarget(i)}，` : ''}试点实际 ${orDash(i.observed)}`,
          ),
        ]),
      );
    }
    return out;
  });

  body.push(
    ...projectSignOff(ctx, '甲乙双方确认本报告所述试点运行情况与结论。', {
      customer: project.customer,
      company: meta.company,
      members: data.members,
    }),
  );

  const document = composeDocument({
    ctx,
    meta,
    title: PILOT_REPORT_TITLE,
    projectName: project.name,
    projectCode: project.code,
    customer: project.customer,
    body,
  });
  return { ok: true, document, placeholders: ctx.placeholders, warnings: ctx.warnings };
}
