import type { FileChild } from 'docx';
import { communicationKinds } from '../records/charter';
import { firstWithRole, projectPeriod, roleLabel, serviceDescription } from './common';
import type { Gap } from './checks';
import { type BuildResult, live } from './data';
import { composeDocument } from './kit/compose';
import { type BuildOptions, DocumentContext } from './kit/context';
import type { DocumentMeta } from './kit/meta';
import { signOffBlock } from './kit/sign-off';
import { dataTable, keyValueTable } from './kit/table';
import { bodyParagraph, heading, orDash, orderedList, paragraphs, placeholder } from './kit/text';
import {
  PROJECT_CHARTER_TITLE,
  type ProjectCharterData,
  projectCharterGaps as gaps,
  projectCharterMissing,
} from './catalogue/project-charter';

/** Role order in the organisation table: who leads first, the customer's people last. */
const roleOrder = ['pm', 'techLead', 'expert', 'engineer', 'customerContact', 'observer'] as const;

export function buildProjectCharter(data: ProjectCharterData, meta: DocumentMeta, options: BuildOptions): BuildResult {
  const missing = projectCharterMissing(data);
  if (missing.length > 0 && !options.allowMissing) return { ok: false, missing };

  const ctx = new DocumentContext(options);
  const { project } = data;
  const c = data.charter;
  const members = live(data.members).sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role));
  const team = members.filter((m) => m.role !== 'customerContact');
  const customerPeople = members.filter((m) => m.role === 'customerContact');
  const body: FileChild[] = [];
  const list = (items: Array<{ text: string }> | undefined, gap: Gap) =>
    items && items.length > 0
      ? orderedList(
          ctx,
          items.map((i) => i.text),
        )
      : [placeholder(ctx, c ? gap : gaps.charter)];

  // 1 项目概况 ------------------------------------------------------------------------------------
  body.push(heading('项目概况', 1, { newPage: true }), heading('基本信息', 2));
  body.push(
    ...keyValueTable(
      ctx,
      [
        ['项目名称', project.name],
        ['项目编号', project.code],
        ['客户', project.customer],
        ['合同编号', orDash(project.contractNo)],
        ['服务方式', serviceDescription(project)],
        ['服务期限', orDash(projectPeriod(project))],
        ['项目经理', orDash(firstWithRole(data.members, 'pm')?.name)],
        ['技术负责人', orDash(firstWithRole(data.members, 'techLead')?.name)],
      ],
      { perRow: 2, caption: '项目基本信息' },
    ),
  );
  body.push(heading('项目背景', 2));
  body.push(
    ...(c?.background.trim() ? paragraphs(c.background) : [placeholder(ctx, c ? gaps.background : gaps.charter)]),
  );
  if (project.description.trim()) body.push(...paragraphs(project.description));

  // 2 项目目标 ------------------------------------------------------------------------------------
  body.push(heading('项目目标', 1));
  body.push(bodyParagraph('本项目的目标如下，各目标的达成情况在服务报告中跟踪：'));
  body.push(...list(c?.objectives, gaps.objectives));

  // 3 项目范围 ------------------------------------------------------------------------------------
  body.push(heading('项目范围', 1), heading('范围内', 2));
  body.push(...list(c?.scopeIn, gaps.scopeIn));
  body.push(heading('范围外', 2));
  if (c && c.scopeOut.length > 0) {
    body.push(bodyParagraph('以下事项不在本项目服务范围内，如需提供，双方另行协商：'));
    body.push(
      ...orderedList(
        ctx,
        c.scopeOut.map((i) => i.text),
      ),
    );
  } else body.push(bodyParagraph('双方未约定范围外事项；未列入“范围内”的工作，如需提供，双方另行协商。'));

  // 4 项目组织 ------------------------------------------------------------------------------------
  body.push(heading('项目组织', 1), heading('组织与职责', 2));
  if (team.length === 0) body.push(placeholder(ctx, gaps.members));
  else {
    if (!team.some((m) => m.role === 'pm')) body.push(placeholder(ctx, gaps.pm));
    body.push(bodyParagraph(`乙方项目团队共 ${team.length} 人，组成与职责、权限如下。`));
    body.push(
      ...dataTable(ctx, {
        caption: '项目团队',
        columns: [
          { title: '姓名', width: 10, align: 'center' },
          { title: '角色', width: 15, align: 'center' },
          { title: '职责', width: 28 },
          { title: '权限', width: 21 },
          { title: '联系方式', width: 26 },
        ],
        rows: team.map((m) => [
          m.name,
          roleLabel(m.role),
          orDash(m.duties),
          orDash(m.authority),
          orDash([m.phone, m.email].filter(Boolean).join('\n')),
        ]),
      }),
    );
  }
  if (customerPeople.length > 0) {
    body.push(heading('客户方联系人', 2));
    body.push(
      ...dataTable(ctx, {
        caption: '客户方联系人',
        columns: [
          { title: '姓名', width: 10, align: 'center' },
          { title: '单位/部门', width: 24 },
          { title: '职责', width: 38 },
          { title: '联系方式', width: 28 },
        ],
        rows: customerPeople.map((m) => [
          m.name,
          orDash(m.organisation),
          orDash(m.duties),
          orDash([m.phone, m.email].filter(Boolean).join('\n')),
        ]),
      }),
    );
  }
  body.push(heading('客户方职责', 2));
  if (c && c.customerResponsibilities.length > 0) {
    body.push(bodyParagraph('为保证服务顺利开展，甲方承担以下职责：'));
    body.push(
      ...orderedList(
        ctx,
        c.customerResponsibilities.map((i) => i.text),
      ),
    );
  } else body.push(bodyParagraph('甲方职责以合同约定为准。'));

  // 5 沟通计划 ------------------------------------------------------------------------------------
  body.push(heading('沟通计划', 1));
  if (!c || c.communication.length === 0) body.push(placeholder(ctx, c ? gaps.communication : gaps.charter));
  else
    body.push(
      ...dataTable(ctx, {
        caption: '沟通计划',
        columns: [
          { title: '形式', width: 10, align: 'center' },
          { title: '名称', width: 18 },
          { title: '频率', width: 14, align: 'center' },
          { title: '参与方/受众', width: 22 },
          { title: '负责人', width: 12, align: 'center' },
          { title: '方式/渠道', width: 24 },
        ],
        rows: c.communication.map((m) => [
          communicationKinds[m.kind].zh,
          m.name,
          orDash(m.frequency),
          orDash(m.participants),
          orDash(m.owner),
          orDash(m.channel),
        ]),
      }),
    );

  // 6 章程批准 ------------------------------------------------------------------------------------
  body.push(heading('章程批准', 1));
  body.push(
    bodyParagraph(
      c?.approvedBy
        ? `本章程经${c.approvedBy}${c.approvedAt ? `于 ${c.approvedAt} ` : ''}批准生效，是项目实施与变更的依据；章程内容如需调整，须经双方确认后发布新版本。`
        : '本章程经双方签字确认后生效，是项目实施与变更的依据；章程内容如需调整，须经双方确认后发布新版本。',
    ),
  );
  const customerSigner = customerPeople[0];
  const pm = team.find((m) => m.role === 'pm');
  body.push(
    ...signOffBlock(
      ctx,
      '甲乙双方确认本章程所述目标、范围、组织与沟通安排。',
      [
        {
          side: 'customer',
          organisation: project.customer,
          name: c?.approvedBy || customerSigner?.name || '',
          title: '',
          date: c?.approvedBy ? c.approvedAt : '',
        },
        { side: 'provider', organisation: meta.company, name: pm?.name ?? '', title: pm ? roleLabel(pm.role) : '' },
      ],
      { customer: project.customer, provider: meta.company },
    ),
  );

  const document = composeDocument({
    ctx,
    meta,
    title: PROJECT_CHARTER_TITLE,
    projectName: project.name,
    projectCode: project.code,
    customer: project.customer,
    body,
  });
  return { ok: true, document, placeholders: ctx.placeholders, warnings: ctx.warnings };
}
