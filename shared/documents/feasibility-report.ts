import type { FileChild } from 'docx';
import { feasibilityConclusions, type FeasibilityFields } from '../records/feasibility';
import { riskCategories, type RiskFields, riskLevel, riskLevels, riskScore, riskStatuses } from '../records/risk';
import { projectPeriod, serviceDescription } from './common';
import type { Label } from '../records/fields';
import { type BuildResult, live, type Row } from './data';
import { composeDocument } from './kit/compose';
import { type BuildOptions, DocumentContext } from './kit/context';
import type { DocumentMeta } from './kit/meta';
import { colors } from './kit/styles';
import { type Cell, dataTable, keyValueTable } from './kit/table';
import { bodyParagraph, bulletList, heading, labelled, orDash, paragraphs, placeholder, textRuns } from './kit/text';
import {
  FEASIBILITY_REPORT_TITLE,
  type FeasibilityReportData,
  dimensions,
  feasibilityReportGaps as gaps,
  isOpenHighRisk,
  conclusionGiven,
  feasibilityReportMissing,
} from './catalogue/feasibility-report';

const levelFill = { high: colors.high, medium: colors.medium, low: colors.low } as const;

/** Open risks first, highest score first; the register numbers them R01, R02, … in that order. */
function ordered(risks: Row<RiskFields>[]): Row<RiskFields>[] {
  return [...live(risks)].sort(
    (a, b) => Number(a.status === 'closed') - Number(b.status === 'closed') || riskScore(b) - riskScore(a),
  );
}

function conclusionText(value: FeasibilityFields['technicalConclusion']): string {
  return feasibilityConclusions[value].zh;
}

export function buildFeasibilityReport(
  data: FeasibilityReportData,
  meta: DocumentMeta,
  options: BuildOptions,
): BuildResult {
  const missing = feasibilityReportMissing(data);
  if (missing.length > 0 && !options.allowMissing) return { ok: false, missing };

  const ctx = new DocumentContext(options);
  const { project } = data;
  const f = data.feasibility;
  const risks = ordered(data.risks);
  const riskId = new Map(risks.map((r, i) => [r.id, `R${String(i + 1).padStart(2, '0')}`]));
  const body: FileChild[] = [];
  const conclusionCell = (value: FeasibilityFields['technicalConclusion'], label: Label): Cell =>
    !conclusionGiven(value)
      ? { children: [placeholder(ctx, gaps.conclusion(label))] }
      : { text: conclusionText(value), bold: true, align: 'center' };

  // 1 概述 --------------------------------------------------------------------------------------
  body.push(heading('概述', 1, { newPage: true }), heading('项目概况', 2));
  body.push(
    ...keyValueTable(
      ctx,
      [
        ['项目名称', project.name],
        ['项目编号', project.code],
        ['客户', project.customer],
        ['服务方式', serviceDescription(project)],
        ['服务期限', orDash(projectPeriod(project))],
        ['运维对象', `${live(data.assets).length} 个`],
        ['评估人', orDash(f?.assessedBy)],
        ['评估日期', orDash(f?.assessedAt)],
      ],
      { perRow: 2, caption: '项目概况' },
    ),
  );
  body.push(
    bodyParagraph(
      '本报告在需求调研与需求分析的基础上，对项目的技术实现路径、团队能力、资源投入及客户环境进行内部评估，识别项目风险并提出应对策略，供双方共同研判和制定预案。',
    ),
  );

  body.push(heading('评估结论', 2));
  if (!f) body.push(placeholder(ctx, gaps.feasibility));
  else {
    if (!conclusionGiven(f.overallConclusion)) body.push(placeholder(ctx, gaps.overall));
    else
      body.push(
        bodyParagraph(
          textRuns(
            `经评估，本项目总体结论为“${conclusionText(f.overallConclusion)}”。各维度结论见`,
            ctx.reference('table', 'conclusions'),
            '。',
          ),
        ),
      );
    body.push(
      ...dataTable(ctx, {
        caption: '可行性评估结论',
        captionKey: 'conclusions',
        widthShare: 0.8,
        keepTogether: true,
        columns: [
          { title: '评估维度', width: 50, align: 'center' },
          { title: '结论', width: 50, align: 'center' },
        ],
        rows: [
          ...dimensions.map((d): Cell[] => [
            d.label.zh,
            conclusionCell(f[d.conclusion] as FeasibilityFields['technicalConclusion'], d.label),
          ]),
          [{ text: '总体结论', bold: true }, conclusionCell(f.overallConclusion, { zh: '总体', en: 'Overall' })],
        ],
      }),
    );
  }

  // 2 可行性评估 --------------------------------------------------------------------------------
  body.push(heading('可行性评估', 1));
  if (!f) body.push(placeholder(ctx, gaps.feasibility));
  else {
    for (const d of dimensions) {
      body.push(heading(d.label.zh, 2));
      const text = String(f[d.text]);
      body.push(...(text.trim() ? paragraphs(text) : [placeholder(ctx, gaps.text(d.label))]));
      const value = f[d.conclusion] as FeasibilityFields['technicalConclusion'];
      body.push(
        !conclusionGiven(value) ? placeholder(ctx, gaps.conclusion(d.label)) : labelled('结论', conclusionText(value)),
      );
    }
    body.push(heading('环境复杂性与兼容性', 2));
    body.push(...(f.environmentRisks.trim() ? paragraphs(f.environmentRisks) : [placeholder(ctx, gaps.environment)]));
  }

  // 3 风险识别与评估 -----------------------------------------------------------------------------
  body.push(heading('风险识别与评估', 1));
  body.push(heading('评估方法', 2));
  body.push(
    bodyParagraph(
      '每项风险按发生的可能性和影响程度分别评 1（很低）至 5（很高）分，风险值 = 可能性 × 影响程度（1–25）。风险值 15 及以上为高风险，8–14 为中风险，7 及以下为低风险。',
    ),
  );
  body.push(heading('风险矩阵', 2));
  if (risks.length === 0) body.push(placeholder(ctx, gaps.risks));
  else {
    body.push(
      bodyParagraph(
        textRuns(
          ctx.reference('table', 'risk-matrix'),
          '统计未关闭的风险在可能性与影响程度上的分布，格中为风险数量及编号，底色表示风险等级（红：高，黄：中，绿：低）。',
        ),
      ),
    );
    body.push(
      ...riskMatrix(
        ctx,
        risks.filter((r) => r.status !== 'closed'),
        riskId,
      ),
    );
  }

  body.push(heading('风险登记表', 2));
  if (risks.length === 0) body.push(placeholder(ctx, gaps.risks));
  else
    body.push(
      ...dataTable(ctx, {
        caption: '风险登记表',
        columns: [
          { title: '编号', width: 8, align: 'center' },
          { title: '风险描述', width: 30 },
          { title: '类别', width: 10, align: 'center' },
          { title: '可能性', width: 10, align: 'center' },
          { title: '影响', width: 9, align: 'center' },
          { title: '风险值', width: 9, align: 'center' },
          { title: '负责人', width: 11, align: 'center' },
          { title: '状态', width: 13, align: 'center' },
        ],
        rows: risks.map((r) => {
          const level = riskLevel(r);
          return [
            riskId.get(r.id)!,
            r.description,
            riskCategories[r.category].zh,
            r.likelihood,
            r.impact,
            { text: `${riskScore(r)}\n${riskLevels[level].zh}`, fill: levelFill[level], align: 'center' },
            orDash(r.owner),
            riskStatuses[r.status].zh,
          ];
        }),
      }),
    );

  body.push(heading('风险应对措施', 2));
  if (risks.length === 0) body.push(placeholder(ctx, gaps.risks));
  else
    body.push(
      ...dataTable(ctx, {
        caption: '风险应对措施',
        columns: [
          { title: '编号', width: 8, align: 'center' },
          { title: '应对措施', width: 38 },
          { title: '应急预案', width: 30 },
          { title: '复核日期', width: 14, align: 'center' },
          { title: '负责人', width: 10, align: 'center' },
        ],
        rows: risks.map((r) => [
          riskId.get(r.id)!,
          r.mitigation.trim()
            ? r.mitigation
            : isOpenHighRisk(r)
              ? { children: [placeholder(ctx, gaps.mitigation(r.description))] }
              : '—',
          orDash(r.contingency),
          orDash(r.reviewDate),
          orDash(r.owner),
        ]),
      }),
    );

  // 4 结论与建议 --------------------------------------------------------------------------------
  body.push(heading('结论与建议', 1));
  if (f && conclusionGiven(f.overallConclusion)) {
    body.push(
      bodyParagraph(
        `综合技术、团队、资源与环境各方面的评估，本项目总体结论为“${conclusionText(f.overallConclusion)}”。`,
      ),
    );
  } else body.push(placeholder(ctx, f ? gaps.overall : gaps.feasibility));
  const high = risks.filter(isOpenHighRisk);
  if (high.length > 0) {
    body.push(
      bodyParagraph(`目前有 ${high.length} 项未关闭的高风险，建议在服务启动前落实应对措施，并与客户共同确认应急预案：`),
    );
    body.push(...bulletList(high.map((r) => `${riskId.get(r.id)} ${r.description}（负责人：${orDash(r.owner)}）`)));
  } else if (risks.length > 0) {
    body.push(bodyParagraph('目前没有未关闭的高风险。中低风险按风险登记表中的措施跟踪，并在复核日期复核。'));
  }

  const document = composeDocument({
    ctx,
    meta,
    title: FEASIBILITY_REPORT_TITLE,
    projectName: project.name,
    projectCode: project.code,
    customer: project.customer,
    body,
  });
  return { ok: true, document, placeholders: ctx.placeholders, warnings: ctx.warnings };
}

const scaleLabels = ['1 很低', '2 低', '3 中', '4 高', '5 很高'];

/**
 * The 5 × 5 matrix as a table (prints and edits better than a chart): likelihood 5 → 1 from top
 * to bottom, impact 1 → 5 from left to right, each cell shaded by the level its score gives.
 */
function riskMatrix(ctx: DocumentContext, risks: Row<RiskFields>[], riskId: Map<string, string>): FileChild[] {
  const rows: Cell[][] = [];
  for (let likelihood = 5; likelihood >= 1; likelihood--) {
    const row: Cell[] = [{ text: scaleLabels[likelihood - 1]!, bold: true, align: 'center' }];
    for (let impact = 1; impact <= 5; impact++) {
      const here = risks.filter((r) => Number(r.likelihood) === likelihood && Number(r.impact) === impact);
      const level = riskLevel({
        likelihood: String(likelihood) as RiskFields['likelihood'],
        impact: String(impact) as RiskFields['impact'],
      });
      row.push({
        text: here.length ? `${here.length}\n${here.map((r) => riskId.get(r.id)).join(' ')}` : '',
        fill: levelFill[level],
        align: 'center',
      });
    }
    rows.push(row);
  }
  return dataTable(ctx, {
    caption: '风险矩阵（未关闭的风险）',
    captionKey: 'risk-matrix',
    keepTogether: true,
    columns: [
      { title: '可能性 \\ 影响程度', width: 20, align: 'center' },
      ...scaleLabels.map((label) => ({ title: label, width: 16, align: 'center' as const })),
    ],
    rows,
  });
}
