import type { FileChild } from 'docx';
import {
  requirementCategories,
  type RequirementFields,
  requirementPriorities,
  requirementStatuses,
  requirementTopics,
} from '../records/requirement';
import { riskLevel, riskLevels, riskStatuses } from '../records/risk';
import { surveyKinds } from '../records/survey';
import { type ChapterKey, chapterNumber, chapterRef, chapterTitle } from './chapters';
import { projectPeriod, projectSignOff, serviceDescription } from './common';
import { type BuildResult, live } from './data';
import { composeDocument } from './kit/compose';
import { type BuildOptions, DocumentContext } from './kit/context';
import { datePart } from './kit/format';
import { type DocumentMeta, versionLabel } from './kit/meta';
import { type Cell, dataTable, keyValueTable } from './kit/table';
import { bodyParagraph, heading, orDash, paragraphs, placeholder, placeholderRun, textRuns } from './kit/text';
import { assetSection, typeCountsSentence } from './parts/asset-inventory';
import { sessionSection, sessionsInOrder, surveySummaryKey, surveySummaryTable } from './parts/survey-sessions';
import { hasOpenIssues, specOpenIssues } from './parts/spec-open-issues';
import { referencedDocuments } from './parts/spec-references';
import {
  REQUIREMENTS_SPEC_TITLE,
  type RequirementsSpecData,
  requirementsSpecGaps as gaps,
  requirementsSpecMissing,
} from './catalogue/requirements-spec';

/** Requirements in code order (REQ-2 before REQ-10). */
function byCode(a: Pick<RequirementFields, 'code'>, b: Pick<RequirementFields, 'code'>): number {
  return a.code.localeCompare(b.code, 'zh-CN', { numeric: true });
}

/** Chapter numbers and titles from the registry other documents cite them by (GB/T 8567-2006's order). */
const chapter = (key: ChapterKey<'requirementsSpec'>) => chapterTitle('requirementsSpec', key);
const number = (key: ChapterKey<'requirementsSpec'>) => chapterNumber('requirementsSpec', key);

function confirmation(r: RequirementFields): string {
  if (r.confirmedBy || r.confirmedAt) return [r.confirmedBy, r.confirmedAt].filter(Boolean).join('\n');
  return '—';
}

export function buildRequirementsSpec(
  data: RequirementsSpecData,
  meta: DocumentMeta,
  options: BuildOptions,
): BuildResult {
  const missing = requirementsSpecMissing(data);
  if (missing.length > 0 && !options.allowMissing) return { ok: false, missing };

  const ctx = new DocumentContext(options);
  const project = data.project;
  const sessions = sessionsInOrder(data.surveySessions);
  const assets = live(data.assets);
  const requirements = live(data.requirements).sort(byCode);
  const assetName = new Map(assets.map((a) => [a.id, a.hostname ? `${a.name}（${a.hostname}）` : a.name]));
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const title = meta.title ?? REQUIREMENTS_SPEC_TITLE;
  const body: FileChild[] = [];
  const criterion = (r: RequirementFields): Cell =>
    r.acceptanceCriterion.trim() ? r.acceptanceCriterion : { runs: [placeholderRun(ctx, gaps.criterion(r.code))] };

  // 1 范围 ------------------------------------------------------------------------------------
  body.push(heading(chapter('scope'), 1, { newPage: true }), heading('标识', 2));
  body.push(
    ...keyValueTable(
      ctx,
      [
        ['文档名称', title],
        ['文档编号', meta.documentNumber],
        ['版本号', versionLabel(meta.version)],
        ['项目名称', project.name],
        ['项目编号', project.code],
        ['合同编号', orDash(project.contractNo)],
        ['客户', project.customer],
        ['服务期限', orDash(projectPeriod(project))],
      ],
      { perRow: 2, caption: '文档标识' },
    ),
  );
  body.push(
    bodyParagraph(
      `本文档是${project.customer}“${project.name}”的需求规格说明书，适用于该项目的服务设计、实施、验收与运营各阶段。`,
    ),
  );

  body.push(heading('系统概述', 2));
  body.push(...(project.description.trim() ? paragraphs(project.description) : [placeholder(ctx, gaps.description)]));
  body.push(
    bodyParagraph(
      `服务方式为${serviceDescription(project)}${projectPeriod(project) ? `，服务期限为 ${projectPeriod(project)}` : ''}。`,
    ),
  );
  if (assets.length > 0)
    body.push(
      bodyParagraph(
        `纳入本项目的运维对象共 ${assets.length} 个，${typeCountsSentence(assets)}，详见 ${number('requirements')}.2 节。`,
      ),
    );

  body.push(heading('文档概述', 2));
  const confirmedCount = requirements.filter((r) => r.status === 'confirmed').length;
  body.push(
    bodyParagraph(
      `本文档依据${sessions.length > 0 ? ` ${sessions.length} 次` : ''}需求调研（高层访谈、技术座谈、现场勘查、文档研读等）的记录整理，将客户的业务诉求转化为可度量、可验证的运维需求，作为服务设计、交付与验收的依据。`,
    ),
  );
  if (requirements.length > 0) {
    const others = requirements.length - confirmedCount;
    body.push(
      bodyParagraph(
        `本文档共收录需求 ${requirements.length} 条，其中已经客户确认 ${confirmedCount} 条${others > 0 ? `，其余 ${others} 条的状态见各需求表` : ''}。`,
      ),
    );
  }
  body.push(
    bodyParagraph(
      `第 ${number('references')} 章列出本文档引用的文件；第 ${number('requirements')} 章说明调研概况、运维对象和各类需求；第 ${number('qualification')} 章规定每条需求的合格判据；第 ${number('traceability')} 章给出需求与调研来源的对应关系；第 ${number('openIssues')} 章列出尚未解决的问题；第 ${number('notes')} 章为注解。`,
    ),
  );

  // 2 引用文件 ----------------------------------------------------------------------------------
  body.push(heading(chapter('references'), 1));
  body.push(bodyParagraph('本文档引用下列文件。本项目交付文档以其文档编号标识，未发布的按项目的文档编号规则编号。'));
  body.push(
    ...dataTable(ctx, {
      caption: '引用文件',
      columns: [
        { title: '编号', width: 24, align: 'center' },
        { title: '名称', width: 30 },
        { title: '版本', width: 14, align: 'center' },
        { title: '日期', width: 12, align: 'center' },
        { title: '说明', width: 20 },
      ],
      rows: referencedDocuments(project, data.documentExports, requirements).map((d) => [
        d.number,
        d.title,
        d.version,
        d.date,
        d.note,
      ]),
    }),
  );

  // 3 需求 ------------------------------------------------------------------------------------
  body.push(heading(chapter('requirements'), 1));
  if (requirements.length === 0) body.push(placeholder(ctx, gaps.requirements));
  else if (confirmedCount === 0) body.push(placeholder(ctx, gaps.confirmed));

  body.push(heading('需求调研概况', 2));
  if (sessions.length === 0) body.push(placeholder(ctx, gaps.sessions));
  else {
    body.push(
      bodyParagraph(
        textRuns(
          `需求调研共进行 ${sessions.length} 次，概况见`,
          ctx.reference('table', surveySummaryKey),
          '，各次调研的记录随后分述。',
        ),
      ),
    );
    body.push(...surveySummaryTable(ctx, sessions));
    for (const session of sessions) body.push(...sessionSection(ctx, session, assetName));
  }

  body.push(heading('运维对象', 2));
  if (assets.length === 0) body.push(placeholder(ctx, gaps.assets));
  else body.push(...assetSection(ctx, assets));

  for (const category of Object.keys(requirementCategories) as Array<RequirementFields['category']>) {
    const items = requirements.filter((r) => r.category === category);
    if (items.length === 0) continue;
    body.push(heading(`${requirementCategories[category].zh}需求`, 2));
    body.push(
      ...dataTable(ctx, {
        caption: `${requirementCategories[category].zh}需求`,
        columns: [
          { title: '编号', width: 14, align: 'center' },
          { title: '需求描述', width: 28 },
          { title: '验收标准', width: 24 },
          { title: '优先级', width: 10, align: 'center' },
          { title: '状态', width: 12, align: 'center' },
          { title: '客户确认', width: 16, align: 'center' },
        ],
        rows: items.map((r) => [
          `${r.code}\n${requirementTopics[r.topic].zh}`,
          r.statement,
          criterion(r),
          requirementPriorities[r.priority].zh,
          `${requirementStatuses[r.status].zh}\n第${r.revision}版`,
          confirmation(r),
        ]),
      }),
    );
  }

  const revised = requirements.filter((r) => r.revisions.length > 0);
  if (revised.length > 0) {
    body.push(heading('需求变更记录', 2));
    body.push(bodyParagraph('已确认的需求如有变更，原确认版本保留如下，变更后的内容见上文各需求表。'));
    body.push(
      ...dataTable(ctx, {
        caption: '需求变更记录',
        columns: [
          { title: '编号', width: 13, align: 'center' },
          { title: '版本', width: 8, align: 'center' },
          { title: '原需求描述', width: 28 },
          { title: '原验收标准', width: 22 },
          { title: '原确认', width: 14, align: 'center' },
          { title: '变更原因及日期', width: 18 },
        ],
        rows: revised.flatMap((r) =>
          r.revisions.map((v) => [
            r.code,
            `第 ${v.revision} 版`,
            v.statement,
            orDash(v.acceptanceCriterion),
            orDash([v.confirmedBy, v.confirmedAt].filter(Boolean).join('\n')),
            orDash([v.reason, v.changedAt].filter(Boolean).join('\n')),
          ]),
        ),
      }),
    );
  }

  // 4 合格性规定 --------------------------------------------------------------------------------
  body.push(heading(chapter('qualification'), 1));
  body.push(
    bodyParagraph(
      '每条需求以其验收标准作为合格判据。验收时由乙方按验收标准提供记录、报表或现场演示等证据，经甲方确认后视为该需求合格；以统计周期计量的指标，按该周期的服务报告判定。',
    ),
  );
  if (requirements.length === 0) body.push(placeholder(ctx, gaps.requirements));
  else
    body.push(
      ...dataTable(ctx, {
        caption: '需求合格判据',
        columns: [
          { title: '编号', width: 14, align: 'center' },
          { title: '需求', width: 38 },
          { title: '验收标准（合格判据）', width: 38 },
          { title: '优先级', width: 10, align: 'center' },
        ],
        rows: requirements.map((r) => [r.code, r.statement, criterion(r), requirementPriorities[r.priority].zh]),
      }),
    );

  // 5 需求可追踪性 ------------------------------------------------------------------------------
  body.push(heading(chapter('traceability'), 1));
  body.push(heading('需求来源', 2));
  if (requirements.length === 0) body.push(placeholder(ctx, gaps.requirements));
  else
    body.push(
      ...dataTable(ctx, {
        caption: '需求到来源的追踪',
        columns: [
          { title: '编号', width: 14, align: 'center' },
          { title: '需求', width: 38 },
          { title: '来源调研', width: 28 },
          { title: '来源文档', width: 20 },
        ],
        rows: requirements.map((r) => {
          const session = sessionById.get(r.sourceSessionId);
          return [
            r.code,
            r.statement,
            session ? `${session.title}\n${datePart(session.startAt)}` : '—',
            orDash(r.sourceDocument),
          ];
        }),
      }),
    );
  if (sessions.length > 0 && requirements.length > 0) {
    body.push(heading('调研记录与需求对应', 2));
    body.push(
      ...dataTable(ctx, {
        caption: '调研记录到需求的追踪',
        columns: [
          { title: '调研记录', width: 40 },
          { title: '形式', width: 15, align: 'center' },
          { title: '形成的需求', width: 45 },
        ],
        rows: sessions.map((s) => [
          s.title,
          surveyKinds[s.kind].zh,
          orDash(
            requirements
              .filter((r) => r.sourceSessionId === s.id)
              .map((r) => r.code)
              .join('、'),
          ),
        ]),
      }),
    );
  }

  // 6 尚未解决的问题 ----------------------------------------------------------------------------
  body.push(heading(chapter('openIssues'), 1));
  const open = specOpenIssues(requirements, sessions, data.risks);
  if (!hasOpenIssues(open))
    body.push(bodyParagraph('无。截至本文档编制时，没有待客户确认的需求、未完成的调研跟进事项或未关闭的风险。'));
  else
    body.push(
      bodyParagraph(
        `截至本文档编制时，待客户确认的需求 ${open.requirements.length} 条、未完成的调研跟进事项 ${open.followUps.length} 项、未关闭的风险 ${open.risks.length} 项，分述如下；解决后本文档随之修订。`,
      ),
    );
  if (open.requirements.length > 0) {
    body.push(heading('待确认的需求', 2));
    body.push(
      ...dataTable(ctx, {
        caption: '待确认的需求',
        columns: [
          { title: '编号', width: 14, align: 'center' },
          { title: '需求描述', width: 56 },
          { title: '状态', width: 14, align: 'center' },
          { title: '优先级', width: 16, align: 'center' },
        ],
        rows: open.requirements.map((r) => [
          r.code,
          r.statement,
          `${requirementStatuses[r.status].zh}\n第${r.revision}版`,
          requirementPriorities[r.priority].zh,
        ]),
      }),
    );
  }
  if (open.followUps.length > 0) {
    body.push(heading('调研遗留事项', 2));
    body.push(
      ...dataTable(ctx, {
        caption: '未完成的调研跟进事项',
        columns: [
          { title: '调研记录', width: 26 },
          { title: '跟进事项', width: 44 },
          { title: '负责人', width: 14, align: 'center' },
          { title: '期限', width: 16, align: 'center' },
        ],
        rows: open.followUps.map((f) => [f.session, f.text, orDash(f.owner), orDash(f.dueDate)]),
      }),
    );
  }
  if (open.risks.length > 0) {
    body.push(heading('未关闭的风险', 2));
    body.push(bodyParagraph('风险的评估与应对措施详见《可行性评估与风险报告》。'));
    body.push(
      ...dataTable(ctx, {
        caption: '未关闭的风险',
        columns: [
          { title: '风险描述', width: 50 },
          { title: '等级', width: 10, align: 'center' },
          { title: '状态', width: 14, align: 'center' },
          { title: '负责人', width: 14, align: 'center' },
          { title: '复核日期', width: 12, align: 'center' },
        ],
        rows: open.risks.map((r) => [
          r.description,
          riskLevels[riskLevel(r)].zh,
          riskStatuses[r.status].zh,
          orDash(r.owner),
          orDash(r.reviewDate),
        ]),
      }),
    );
  }

  // 7 注解 --------------------------------------------------------------------------------------
  body.push(heading(chapter('notes'), 1));
  body.push(heading('术语与缩略语', 2));
  body.push(
    ...dataTable(ctx, {
      columns: [
        { title: '术语', width: 22, align: 'center' },
        { title: '说明', width: 78 },
      ],
      rows: [
        ['运维对象', '纳入本项目运维服务范围的服务器、网络设备、存储、数据库、应用系统与安全设备等。'],
        ['SLA', '服务级别协议（Service Level Agreement），约定服务时间、响应与解决时限、可用性等指标及考核方式。'],
        ['P1–P4', '故障级别，P1 最高。各级别的定义与时限以《服务级别协议》为准。'],
        ['验收标准', `判断一条需求是否满足的可度量条件，即${chapterRef('requirementsSpec', 'qualification')}的判据。`],
      ],
    }),
  );
  body.push(heading('优先级与状态', 2));
  body.push(
    ...dataTable(ctx, {
      columns: [
        { title: '项目', width: 22, align: 'center' },
        { title: '取值及含义', width: 78 },
      ],
      rows: [
        ['优先级', '必须：合同约定或监管要求，不满足即不能验收；应该：重要需求，原则上须满足；可以：视资源情况满足。'],
        ['状态', '草稿：整理中；待确认：已提交客户确认；已确认：客户已确认；已变更：确认后有变更，待重新确认。'],
        ['版本', '需求每次在确认后变更，版本加一，原确认版本见“需求变更记录”。'],
      ],
    }),
  );

  body.push(
    ...projectSignOff(
      ctx,
      '甲乙双方确认本说明书所列需求，作为后续服务设计、交付与验收的依据。',
      { customer: project.customer, company: meta.company, members: data.members },
      { providerTitle: false },
    ),
  );

  const document = composeDocument({
    ctx,
    meta,
    title: REQUIREMENTS_SPEC_TITLE,
    projectName: project.name,
    projectCode: project.code,
    customer: project.customer,
    body,
  });
  return { ok: true, document, placeholders: ctx.placeholders, warnings: ctx.warnings };
}
