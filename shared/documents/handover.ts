import type { FileChild } from 'docx';
import { trainingKinds } from '../records/deployment';
import { documentStatuses } from '../records/document-export';
import { severities } from '../records/checklist';
import { rectificationStatuses } from '../records/inspection';
import { changeStates, changeTypes, incidentStatuses } from '../records/operations';
import { firstWithRole, projectPeriod, roleLabel, serviceDescription } from './common';
import { type BuildResult, live } from './data';
import { composeDocument } from './kit/compose';
import { type BuildOptions, DocumentContext } from './kit/context';
import { chineseDate, datePart } from './kit/format';
import type { DocumentMeta } from './kit/meta';
import { scopePeriod, versionText } from './identity';
import { titleWithPeriod } from './parts/period';
import { type SignOffParty, signOffBlock } from './kit/sign-off';
import { colors } from './kit/styles';
import { type Cell, dataTable, keyValueTable } from './kit/table';
import { bodyParagraph, heading, orDash, placeholder, textRuns } from './kit/text';
import { assetSection } from './parts/asset-inventory';
import { leadIn } from './parts/lead-in';
import { openChanges, openIncidents, openNonConformities } from './parts/open-items';
import {
  HANDOVER_TITLE,
  type HandoverData,
  type Deliverable,
  issuedDocuments,
  handoverGaps as gaps,
  serviceTeam,
  handoverMissing,
} from './catalogue/handover';

export function buildHandover(
  data: HandoverData,
  meta: DocumentMeta,
  options: BuildOptions,
  deliverables: readonly Deliverable[],
): BuildResult {
  const missing = handoverMissing(data);
  if (missing.length > 0 && !options.allowMissing) return { ok: false, missing };

  const ctx = new DocumentContext(options);
  const { project } = data;
  const assets = live(data.assets);
  const assetName = new Map(assets.map((a) => [a.id, a.name]));
  const stakeholders = live(data.stakeholders);
  const team = serviceTeam(data);
  const incidents = openIncidents(data.incidents);
  const changes = openChanges(data.changeRecords);
  const nonConformities = openNonConformities(data);
  const delivered = issuedDocuments(data, deliverables);
  const sessions = live(data.trainingSessions).sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999'));
  const today = chineseDate(meta.date);
  const body: FileChild[] = [];

  // 1 概述 ------------------------------------------------------------------------------------
  body.push(heading('概述', 1, { newPage: true }), heading('交接目的', 2));
  body.push(
    bodyParagraph(
      `为保证“${project.name}”的运维服务在移交后连续、可控，乙方将纳入运维范围的运维对象、联系人、遗留事项、交付文档及知识转移情况整理成本文档，与${project.customer}逐项核对后签字确认。交接内容以${today}的项目记录为准。`,
    ),
  );
  body.push(heading('交接概况', 2));
  body.push(
    ...keyValueTable(
      ctx,
      [
        ['项目名称', project.name],
        ['合同编号', orDash(project.contractNo)],
        ['服务内容', serviceDescription(project)],
        ['服务期限', orDash(projectPeriod(project))],
        ['移交方（乙方）', meta.company],
        ['接收方（甲方）', project.customer],
        ['交接日期', today],
      ],
      { caption: '交接概况' },
    ),
  );
  body.push(
    bodyParagraph(
      `本次移交运维对象 ${assets.length} 个、交付文档 ${delivered.length} 份；截至交接日，未关闭的故障 ${incidents.length} 个、未关闭的不合格项 ${nonConformities.length} 个、未完成的变更 ${changes.length} 个，详见第 4 章。`,
    ),
  );

  // 2 运维对象清单 --------------------------------------------------------------------------------
  body.push(heading('运维对象清单', 1));
  body.push(bodyParagraph('以下为移交时纳入运维范围的全部运维对象，接收方应逐项核对对象名称、位置与实物一致。'));
  if (assets.length === 0) body.push(placeholder(ctx, gaps.assets));
  else body.push(...assetSection(ctx, assets));

  // 3 联系人 ------------------------------------------------------------------------------------
  body.push(heading('联系人', 1));
  body.push(bodyParagraph('下列人员为交接后服务沟通、报障与审批的联系人，人员变动时双方及时书面通知对方。'));
  body.push(heading('客户联系人', 2));
  if (stakeholders.length === 0) body.push(placeholder(ctx, gaps.contacts));
  else
    body.push(
      ...dataTable(ctx, {
        caption: '客户联系人',
        columns: [
          { title: '姓名', width: 11, align: 'center' },
          { title: '单位/部门', width: 24 },
          { title: '职务/角色', width: 18 },
          { title: '电话', width: 22, align: 'center' },
          { title: '邮箱', width: 25 },
        ],
        rows: stakeholders.map((s) => [
          s.name,
          orDash(s.organisation),
          orDash(s.title),
          orDash(s.phone),
          orDash(s.email),
        ]),
      }),
    );
  body.push(heading('服务团队', 2));
  if (team.length === 0) body.push(placeholder(ctx, gaps.team));
  else
    body.push(
      ...dataTable(ctx, {
        caption: '服务团队',
        columns: [
          { title: '姓名', width: 10, align: 'center' },
          { title: '角色', width: 14, align: 'center' },
          { title: '单位', width: 14 },
          { title: '电话', width: 21, align: 'center' },
          { title: '职责', width: 41 },
        ],
        rows: team.map((m) => [m.name, roleLabel(m.role), orDash(m.organisation), orDash(m.phone), orDash(m.duties)]),
      }),
    );

  // 4 遗留事项 ----------------------------------------------------------------------------------
  body.push(heading('遗留事项', 1));
  body.push(
    bodyParagraph(
      '以下事项截至交接日尚未关闭，随服务一并移交，由接收方按原记录继续跟踪至关闭；乙方对移交前已发生的事项提供必要的说明与支持。',
    ),
  );
  body.push(heading('未关闭的故障', 2));
  if (incidents.length === 0) body.push(bodyParagraph('截至交接日，没有未关闭的故障。'));
  else
    body.push(
      ...dataTable(ctx, {
        caption: '未关闭的故障',
        compact: true,
        columns: [
          { title: '序号', width: 7, align: 'center' },
          { title: '故障', width: 20 },
          { title: '级别', width: 7, align: 'center' },
          { title: '状态', width: 9, align: 'center' },
          { title: '报障时间', width: 15, align: 'center' },
          { title: '涉及对象', width: 15 },
          { title: '负责人', width: 9, align: 'center' },
          { title: '当前进展', width: 18 },
        ],
        rows: incidents.map((i, n): Cell[] => [
          String(n + 1),
          i.title,
          { text: i.priority, bold: true },
          i.status === 'open'
            ? { text: incidentStatuses[i.status].zh, color: colors.overdue, bold: true }
            : incidentStatuses[i.status].zh,
          orDash(i.reportedAt.replace('T', '\n')),
          orDash(assetName.get(i.assetId)),
          i.owner.trim() || '未指派',
          orDash(i.actions.at(-1)?.action ?? i.description),
        ]),
      }),
    );
  body.push(heading('未关闭的不合格项', 2));
  if (nonConformities.length === 0) body.push(bodyParagraph('配置基线检查发现的不合格项均已整改并复查合格。'));
  else {
    body.push(
      leadIn(
        textRuns(
          `配置基线检查发现的不合格项中，尚有 ${nonConformities.length} 个未完成整改或复查，整改措施与期限见`,
          ctx.reference('table', 'open-nonconformities'),
          '。',
        ),
      ),
    );
    body.push(
      ...dataTable(ctx, {
        caption: '未关闭的不合格项',
        captionKey: 'open-nonconformities',
        compact: true,
        columns: [
          { title: '序号', width: 7, align: 'center' },
          { title: '运维对象', width: 16 },
          { title: '检查项', width: 16 },
          { title: '严重度', width: 9, align: 'center' },
          { title: '整改措施', width: 26 },
          { title: '负责人\n期限', width: 15, align: 'center' },
          { title: '状态', width: 11, align: 'center' },
        ],
        rows: nonConformities.map(({ joined, checked, severity }, n) => {
          const r = checked.rectification;
          const status = rectificationStatuses[r?.status ?? 'open'].zh;
          return [
            String(n + 1),
            joined.asset.name,
            checked.item.title,
            severities[severity].zh,
            r?.action.trim() ? r.action : '未制定',
            orDash([r?.owner, r?.dueDate].filter(Boolean).join('\n')),
            r?.recheckVerdict === 'fail' ? `${status}\n复查不合格` : status,
          ];
        }),
      }),
    );
  }
  body.push(heading('未完成的变更', 2));
  if (changes.length === 0) body.push(bodyParagraph('截至交接日，没有未完成的变更。'));
  else
    body.push(
      ...dataTable(ctx, {
        caption: '未完成的变更',
        compact: true,
        columns: [
          { title: '序号', width: 7, align: 'center' },
          { title: '变更', width: 30 },
          { title: '类型', width: 13, align: 'center' },
          { title: '当前环节', width: 12, align: 'center' },
          { title: '涉及对象', width: 22 },
          { title: '审批人', width: 16, align: 'center' },
        ],
        rows: changes.map((c, n) => [
          String(n + 1),
          c.title,
          changeTypes[c.type].zh,
          changeStates[c.state].zh,
          orDash(
            c.assetIds
              .map((id) => assetName.get(id))
              .filter(Boolean)
              .join('\n'),
          ),
          orDash(c.approver),
        ]),
      }),
    );

  // 5 交付文档 ----------------------------------------------------------------------------------
  body.push(heading('交付文档', 1));
  if (delivered.length === 0)
    body.push(
      leadIn('项目各阶段形成的交付文档以其最新版本为准，电子版随本文档一并移交。'),
      placeholder(ctx, gaps.documents),
    );
  else
    body.push(
      leadIn(
        textRuns(
          '项目各阶段形成的交付文档以',
          ctx.reference('table', 'documents'),
          '所列的最新版本为准，电子版随本文档一并移交。',
        ),
      ),
      ...dataTable(ctx, {
        caption: '交付文档清单',
        captionKey: 'documents',
        columns: [
          { title: '序号', width: 6, align: 'center' },
          { title: '文档名称', width: 30 },
          { title: '文档编号', width: 28, align: 'center' },
          { title: '版本', width: 8, align: 'center' },
          { title: '状态', width: 10, align: 'center' },
          { title: '发布日期', width: 18, align: 'center' },
        ],
        rows: delivered.map((e, n) => {
          const type = deliverables.find((d) => d.key === e.docType);
          const title = type ? `《${titleWithPeriod(type.title, scopePeriod(e.scope))}》` : e.docType;
          return [
            String(n + 1),
            title,
            e.documentNumber,
            versionText(e.current),
            documentStatuses[e.status].zh,
            orDash(datePart(e.issuedAt)),
          ];
        }),
      }),
    );

  // 6 培训与知识转移 ------------------------------------------------------------------------------
  body.push(heading('培训与知识转移', 1));
  if (sessions.length === 0)
    body.push(
      bodyParagraph('项目期间开展的培训与技术交底记录如下，签到与培训材料见《培训记录》。'),
      placeholder(ctx, gaps.training),
    );
  else {
    const invited = sessions.reduce((n, s) => n + s.attendees.length, 0);
    const present = sessions.reduce((n, s) => n + s.attendees.filter((a) => a.signed === 'yes').length, 0);
    body.push(
      leadIn(
        `项目期间共开展培训与技术交底 ${sessions.length} 次，应到 ${invited} 人次，实到 ${present} 人次，明细如下；签到与培训材料见《培训记录》。`,
      ),
    );
    body.push(
      ...dataTable(ctx, {
        caption: '培训与知识转移',
        columns: [
          { title: '序号', width: 7, align: 'center' },
          { title: '主题', width: 35 },
          { title: '形式', width: 14, align: 'center' },
          { title: '讲师', width: 10, align: 'center' },
          { title: '日期', width: 18, align: 'center' },
          { title: '实到/应到', width: 14, align: 'center' },
        ],
        rows: sessions.map((s, n) => [
          String(n + 1),
          s.topic,
          trainingKinds[s.kind].zh,
          orDash(s.trainer),
          orDash(s.date),
          `${s.attendees.filter((a) => a.signed === 'yes').length}/${s.attendees.length}`,
        ]),
      }),
    );
  }

  // 签字确认 ------------------------------------------------------------------------------------
  const customerContact = firstWithRole(data.members, 'customerContact');
  const receiver = customerContact
    ? { name: customerContact.name, title: '' }
    : stakeholders[0]
      ? { name: stakeholders[0].name, title: stakeholders[0].title }
      : { name: '', title: '' };
  const pm = firstWithRole(data.members, 'pm');
  const parties: SignOffParty[] = [
    {
      side: 'customer',
      organisation: project.customer,
      name: receiver.name,
      title: receiver.title ? `${receiver.title}，接收人` : '接收人',
    },
    {
      side: 'provider',
      organisation: meta.company,
      name: pm?.name ?? '',
      title: pm ? `${roleLabel(pm.role)}，移交人` : '移交人',
    },
  ];
  body.push(
    ...signOffBlock(
      ctx,
      '甲乙双方已按本文档逐项核对运维对象、联系人、遗留事项、交付文档与培训情况，确认交接完成；遗留事项按第 4 章继续跟踪。',
      parties,
      { customer: project.customer, provider: meta.company },
    ),
  );

  const document = composeDocument({
    ctx,
    meta,
    title: HANDOVER_TITLE,
    projectName: project.name,
    projectCode: project.code,
    customer: project.customer,
    body,
  });
  return { ok: true, document, placeholders: ctx.placeholders, warnings: ctx.warnings };
}
