import { projectSignOff } from './common';
import {
  AlignmentType,
  type FileChild,
  HeightRule,
  type Paragraph,
  Table,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import { type TrainingSessionFields, trainingKinds } from '../records/deployment';
import { type BuildResult, type Row } from './data';
import { composeDocument } from './kit/compose';
import { type BuildOptions, DocumentContext } from './kit/context';
import { chineseDate } from './kit/format';
import type { DocumentMeta } from './kit/meta';
import { colors } from './kit/styles';
import {
  type Cell,
  columnTwips,
  dataTable,
  keyValueTable,
  spacer,
  tableBorders,
  tableCaption,
  tableCell,
} from './kit/table';
import {
  bodyParagraph,
  bulletList,
  heading,
  labelled,
  orDash,
  paragraphs,
  placeholder,
  placeholderRun,
} from './kit/text';
import {
  TRAINING_RECORD_TITLE,
  type TrainingRecordData,
  trainingRecordGaps as gaps,
  inOrder,
  trainingRecordMissing,
} from './catalogue/training-record';

function presentCount(s: TrainingSessionFields): number {
  return s.attendees.filter((a) => a.signed === 'yes').length;
}

export function buildTrainingRecord(data: TrainingRecordData, meta: DocumentMeta, options: BuildOptions): BuildResult {
  const missing = trainingRecordMissing(data);
  if (missing.length > 0 && !options.allowMissing) return { ok: false, missing };

  const ctx = new DocumentContext(options);
  const { project } = data;
  const sessions = inOrder(data.trainingSessions);
  const body: FileChild[] = [];

  // 1 概述 ------------------------------------------------------------------------------------
  body.push(heading('概述', 1, { newPage: true }), heading('培训目的', 2));
  body.push(
    bodyParagraph(
      `为使${project.customer}的运维人员掌握“${project.name}”交付的运维工具、流程与操作方法，并使乙方驻场团队熟悉客户环境与管理要求，项目在服务部署阶段开展了知识转移与培训。本记录汇总各次培训的内容、签到、材料与反馈，作为知识转移完成的依据。`,
    ),
  );
  body.push(heading('培训概况', 2));
  if (sessions.length === 0) body.push(placeholder(ctx, gaps.sessions));
  else {
    const invited = sessions.reduce((n, s) => n + s.attendees.length, 0);
    const present = sessions.reduce((n, s) => n + presentCount(s), 0);
    body.push(bodyParagraph(`共开展培训 ${sessions.length} 次，应到 ${invited} 人次，实到 ${present} 人次。`));
    body.push(
      ...dataTable(ctx, {
        caption: '培训概况',
        columns: [
          { title: '序号', width: 7, align: 'center' },
          { title: '主题', width: 31 },
          { title: '形式', width: 13, align: 'center' },
          { title: '讲师', width: 10, align: 'center' },
          { title: '日期', width: 15, align: 'center' },
          { title: '时长', width: 10, align: 'center' },
          { title: '实到/应到', width: 14, align: 'center' },
        ],
        rows: sessions.map((s, i) => [
          String(i + 1),
          s.topic,
          trainingKinds[s.kind].zh,
          s.trainer.trim() ? s.trainer : { runs: [placeholderRun(ctx, gaps.trainer(s.topic))] },
          s.date || { runs: [placeholderRun(ctx, gaps.date(s.topic))] },
          orDash(s.hours),
          `${presentCount(s)}/${s.attendees.length}`,
        ]),
      }),
    );
  }

  // 2 培训记录 ----------------------------------------------------------------------------------
  body.push(heading('培训记录', 1));
  if (sessions.length === 0) body.push(placeholder(ctx, gaps.sessions));
  for (const s of sessions) body.push(...sessionSection(ctx, s));

  // 3 总结与后续安排 ------------------------------------------------------------------------------
  body.push(heading('总结与后续安排', 1));
  if (sessions.length === 0) body.push(placeholder(ctx, gaps.sessions));
  else {
    const absent = sessions.flatMap((s) =>
      s.attendees.filter((a) => a.signed !== 'yes').map((a) => `${a.name}（${s.topic}）`),
    );
    body.push(
      bodyParagraph(
        `各次培训均按计划完成${absent.length ? `，缺席 ${absent.length} 人次：${absent.join('、')}，安排补训` : '，参训人员全部到场'}。`,
      ),
    );
    const followUps = sessions.filter((s) => s.followUp.trim());
    if (followUps.length > 0) {
      body.push(bodyParagraph('后续跟进事项：'));
      body.push(...bulletList(followUps.map((s) => `${s.topic}：${s.followUp.trim().replace(/\s*\n\s*/g, '；')}`)));
    }
  }

  body.push(
    ...projectSignOff(ctx, '甲乙双方确认以上培训已按记录完成，培训材料已移交甲方。', {
      customer: project.customer,
      company: meta.company,
      members: data.members,
    }),
  );

  const document = composeDocument({
    ctx,
    meta,
    title: TRAINING_RECORD_TITLE,
    projectName: project.name,
    projectCode: project.code,
    customer: project.customer,
    body,
  });
  return { ok: true, document, placeholders: ctx.placeholders, warnings: ctx.warnings };
}

function sessionSection(ctx: DocumentContext, s: Row<TrainingSessionFields>): FileChild[] {
  const out: FileChild[] = [heading(s.topic, 2)];
  out.push(
    ...keyValueTable(
      ctx,
      [
        ['培训主题', s.topic],
        ['培训形式', trainingKinds[s.kind].zh],
        ['讲师', s.trainer.trim() ? s.trainer : { runs: [placeholderRun(ctx, gaps.trainer(s.topic))] }],
        ['日期', s.date ? chineseDate(s.date) : { runs: [placeholderRun(ctx, gaps.date(s.topic))] }],
        ['地点', orDash(s.place)],
        ['时长', orDash(s.hours)],
      ],
      { perRow: 2, caption: `${s.topic} 基本信息` },
    ),
  );
  out.push(labelled('签到表', ''));
  if (s.attendees.length === 0) out.push(placeholder(ctx, gaps.attendees(s.topic)));
  else out.push(...signInTable(ctx, s));
  out.push(labelled('培训材料', s.materials.length ? '' : '无'));
  if (s.materials.length)
    out.push(...bulletList(s.materials.map((m) => (m.caption ? `${m.name}（${m.caption}）` : m.name))));
  out.push(labelled('培训反馈', s.feedback.trim() ? '' : '—'));
  if (s.feedback.trim()) out.push(...paragraphs(s.feedback));
  out.push(labelled('后续跟进', s.followUp.trim() ? '' : '—'));
  if (s.followUp.trim()) out.push(...paragraphs(s.followUp));
  return out;
}

/**
 * 签到表: one row per attendee, tall enough to sign by hand in the 签名 column; who did not
 * come is marked 未到 (and the cell for the signature is shaded).
 */
function signInTable(ctx: DocumentContext, s: TrainingSessionFields): Array<Paragraph | Table> {
  const widths = columnTwips([8, 18, 34, 14, 26], ctx.page.textWidth);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['序号', '姓名', '单位/部门', '签到', '签名'].map((title, i) =>
      tableCell({ text: title, bold: true, fill: colors.headerFill, align: 'center' }, widths[i]!, 'center'),
    ),
  });
  const rows = s.attendees.map((a, i) => {
    const cells: Cell[] = [
      { text: String(i + 1), align: 'center' },
      { text: a.name, align: 'center' },
      orDash(a.organisation),
      a.signed === 'yes'
        ? { text: '已签到', align: 'center' }
        : { text: '未到', align: 'center', color: colors.overdue },
      a.signed === 'yes' ? '' : { text: '', fill: 'F2F2F2' },
    ];
    return new TableRow({
      cantSplit: true,
      height: { value: 560, rule: HeightRule.ATLEAST },
      children: cells.map((cell, c) => tableCell(cell, widths[c]!)),
    });
  });
  const table = new Table({
    width: { size: ctx.page.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: tableBorders,
    rows: [header, ...rows],
  });
  return [tableCaption(ctx, `${s.topic} 签到表`), table, spacer()];
}
