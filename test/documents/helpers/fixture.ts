import { createHash } from 'node:crypto';
import type { Attachment } from '../../../shared/attachments';
import { generateDemoDeployment } from '../../../shared/demo/demo-deployment';
import { generateDemoInitiation } from '../../../shared/demo/demo-initiation';
import { generateDemoOperations } from '../../../shared/demo/demo-operations';
import { generateDemoAssets, generateDemoProject } from '../../../shared/demo/demo-project';
import type { ProjectDocumentData, Row } from '../../../shared/documents/data';
import { documentNumber, documentScope, documentTypes, scopePeriod } from '../../../shared/documents';
import { addDays } from '../../../shared/date-time';
import { copyBuiltinTemplate } from '../../../shared/inspection';
import { type AssetFields, assetFields } from '../../../shared/records/asset';
import { charterFields } from '../../../shared/records/charter';
import { checklistTemplateFields, type ChecklistTemplateFields } from '../../../shared/records/checklist';
import { type DocumentExportFields } from '../../../shared/records/document-export';
import { feasibilityFields } from '../../../shared/records/feasibility';
import { memberFields } from '../../../shared/records/member';
import {
  changeRecordFields,
  incidentFields,
  opsLogFields,
  patrolEntryFields,
  patrolEntryId,
  patrolPlanFields,
  serviceDesignFields,
} from '../../../shared/records/operations';
import { milestoneFields, planTaskFields } from '../../../shared/records/plan';
import { projectFields } from '../../../shared/records/project';
import { requirementFields } from '../../../shared/records/requirement';
import { riskFields } from '../../../shared/records/risk';
import { slaFields } from '../../../shared/records/sla';
import { stakeholderFields } from '../../../shared/records/stakeholder';
import { surveySessionFields } from '../../../shared/records/survey';
import { encodeJpeg, encodePng, rackPhoto, signatureImage } from './images';

/** Deterministic uuid-shaped ids, so references pass the schemas and runs compare. */
function idMaker(prefix: number): () => string {
  let n = 0;
  return () => `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
}

function withIds<T>(prefix: number, rows: T[]): Array<T & { id: string }> {
  const next = idMaker(prefix);
  return rows.map((row) => ({ ...row, id: next() }));
}

export interface Fixture {
  data: ProjectDocumentData;
  files: Map<string, Uint8Array>;
  exports: Row<DocumentExportFields>[];
  signature: Uint8Array;
}

function attachment(
  bytes: Uint8Array,
  name: string,
  type: string,
  caption: string,
  width: number,
  height: number,
  takenAt = '',
): Attachment {
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    name,
    type,
    size: bytes.length,
    caption,
    takenAt,
    width,
    height,
  };
}

/**
 * The demo bank project with everything phase 一 records, as the repository would return it
 * (schema defaults applied, ids, references resolved), plus photos on the survey sessions, a
 * requirement changed after confirmation, and two earlier exports of every document.
 */
export function richFixture(): Fixture {
  const demo = generateDemoProject();
  const initiation = generateDemoInitiation();
  const files = new Map<string, Uint8Array>();
  const keep = (bytes: Uint8Array) => {
    files.set(createHash('sha256').update(bytes).digest('hex'), bytes);
    return bytes;
  };

  const assets = withIds(
    2,
    demo.assets.map((a) => assetFields.parse(a)),
  );
  const rackJpeg = keep(encodeJpeg(rackPhoto(480, 320, 1)));
  const rackPng = keep(encodePng(rackPhoto(240, 320, 2)));
  // Photos only where the survey took them, captioned with what they show: the machine rooms.
  // (A rack picture captioned 访谈现场 on the interview session read as made up.)
  const photos: Attachment[][] = [
    [],
    [
      attachment(
        rackJpeg,
        'IMG_0231.jpg',
        'image/jpeg',
        '二号机房 B 列交换机告警灯常亮',
        480,
        320,
        '2026-01-08T10:12:31',
      ),
      attachment(rackPng, 'rack-b07.png', 'image/png', 'B07 机柜正面（标签缺失）', 240, 320, '2026-01-08T11:02:00'),
      attachment(new TextEncoder().encode('%PDF-1.4 stand-in'), '机房平面图.pdf', 'application/pdf', '', 0, 0),
    ],
    [],
  ];
  const surveySessions = withIds(
    3,
    initiation.surveySessions.map(({ findingAssetIndexes, ...session }, s) =>
      surveySessionFields.parse({
        ...session,
        findings: (session.findings ?? []).map((finding, index) => ({
          ...finding,
          assetIds: (findingAssetIndexes?.[index] ?? []).map((i) => assets[i]!.id),
        })),
        attachments: photos[s] ?? [],
      }),
    ),
  );
  const requirements = withIds(
    4,
    initiation.requirements.map(({ session, confirm, ...values }) =>
      requirementFields.parse({
        ...values,
        sourceSessionId: session === undefined ? '' : surveySessions[session]!.id,
        status: confirm ? 'confirmed' : 'pending',
        ...(confirm ? { confirmedBy: confirm.by, confirmedAt: confirm.on } : {}),
      }),
    ),
  );
  // REQ-002 was confirmed once with a looser target and changed since.
  const changed = requirements.find((r) => r.code === 'REQ-002')!;
  changed.revision = 2;
  changed.revisions = [
    {
      revision: 1,
      statement: 'P1 故障 30 分钟内响应、8 小时内恢复',
      acceptanceCriterion: '每月 P1 响应达标率 ≥ 90%',
      priority: 'must',
      confirmedBy: '王建国',
      confirmedAt: '2026-01-12',
      reason: '监管通报要求缩短核心系统故障恢复时间',
      changedAt: '2026-01-14',
    },
  ];
  requirements.push({
    ...requirementFields.parse({
      code: 'REQ-006',
      category: 'constraint',
      topic: 'security',
      statement: '驻场人员须签署保密协议，运维终端不得接入互联网',
      priority: 'must',
      sourceDocument: '《江南银行外包人员安全管理办法》',
      acceptanceCriterion: '进场前提交全部驻场人员签署的保密协议；终端检查记录每月一份',
      status: 'confirmed',
      confirmedBy: '赵刚',
      confirmedAt: '2026-01-16',
    }),
    id: idMaker(5)(),
  });

  const data: ProjectDocumentData = {
    project: projectFields.parse(demo.project),
    members: withIds(
      1,
      demo.members.map((m) => memberFields.parse(m)),
    ),
    assets,
    surveySessions,
    stakeholders: withIds(
      7,
      initiation.stakeholders.map((s) => stakeholderFields.parse(s)),
    ),
    requirements,
    feasibility: feasibilityFields.parse(initiation.feasibility),
    risks: withIds(
      8,
      initiation.risks.map((r) => riskFields.parse(r)),
    ),
    sla: slaFields.parse(initiation.sla),
    charter: charterFields.parse(initiation.charter),
    planTasks: withIds(
      9,
      initiation.planTasks.map((t) => planTaskFields.parse(t)),
    ),
    milestones: withIds(
      10,
      initiation.milestones.map((m) => milestoneFields.parse(m)),
    ),
    ...deploymentData(assets, files, 6),
    ...operationsData(assets),
    documentExports: [],
  };
  // What was issued so far, two versions of every document (of a periodic one, for its default
  // period), the second signed: the next export is a re-approval, V3.0. The 交接文档 lists them.
  const exports: Row<DocumentExportFields>[] = withIds(
    6,
    documentTypes.flatMap((type) => {
      const period = 'defaultPeriod' in type ? (type.defaultPeriod(data) ?? undefined) : undefined;
      const scope = documentScope('period' in type ? type.period : undefined, period);
      const number = documentNumber({ projectCode: data.project.code, typeCode: type.code, scope });
      const common = { docType: type.key, scope, minor: 0, documentNumber: number, fileName: '' };
      // A periodic document is first issued once its period is over, not before it began.
      const periodEnd = scopePeriod(scope)?.to;
      const issued = periodEnd
        ? { first: `${addDays(periodEnd, 1)}T18:20`, second: `${addDays(periodEnd, 3)}T09:45` }
        : { first: '2026-01-12T18:20', second: '2026-01-16T09:45' };
      return [
        {
          ...common,
          version: 1,
          status: 'submitted' as const,
          exportedBy: '陈立',
          exportedAt: issued.first,
          note: '首次发布',
        },
        {
          ...common,
          version: 2,
          status: 'signed' as const,
          exportedBy: '周明',
          exportedAt: issued.second,
          note: '根据客户确认意见修订',
        },
      ];
    }),
  );
  data.documentExports = exports;
  // A member of the team has authority recorded, as a charter states it.
  data.members[0]!.authority = '项目资源调配、对客户的进度与范围承诺';
  return { data, files, exports, signature: encodePng(signatureImage()) };
}

/** The project's copies of the built-in Linux and network baselines, as template rows. */
export function builtinTemplateRows(keys = ['linux-server', 'network-device']): Array<Row<ChecklistTemplateFields>> {
  return withIds(
    11,
    keys.map((key) =>
      checklistTemplateFields.parse({ ...copyBuiltinTemplate(key), familyId: `family-${key}`, version: 1 }),
    ),
  );
}

/**
 * Phase 三 from the demo generator: inspections of the first `maxInspections` Linux servers and
 * switches (a few failures, rectifications, signatures), training, pilot and cutover plan. Their
 * files go into `files`.
 */
export function deploymentData(
  assets: Array<Row<AssetFields>>,
  files: Map<string, Uint8Array>,
  maxInspections: number,
  templates = builtinTemplateRows(),
): Pick<
  ProjectDocumentData,
  | 'checklistTemplates'
  | 'inspections'
  | 'inspectionResults'
  | 'rectifications'
  | 'trainingSessions'
  | 'pilotRuns'
  | 'cutoverPlan'
> {
  const deployment = generateDemoDeployment(assets, templates, { maxInspections });
  for (const file of deployment.files) files.set(file.sha256, file.bytes);
  return {
    checklistTemplates: templates,
    inspections: deployment.inspections,
    inspectionResults: deployment.inspectionResults,
    rectifications: deployment.rectifications,
    trainingSessions: deployment.trainingSessions,
    pilotRuns: deployment.pilotRuns,
    cutoverPlan: deployment.cutoverPlan,
  };
}

/** The day the fixture's month of operations ends (the demo's patrol runs the 30 days up to it). */
export const OPERATIONS_TODAY = '2026-03-31';

/**
 * Phase 四 from the demo generator: the service design, a daily patrol plan over the core assets
 * with 30 days of readings up to OPERATIONS_TODAY, incidents, changes and routine tasks.
 */
export function operationsData(
  assets: Array<Row<AssetFields>>,
  today = OPERATIONS_TODAY,
  maxAssets?: number,
): Pick<
  ProjectDocumentData,
  'serviceDesign' | 'patrolPlans' | 'patrolEntries' | 'shiftHandovers' | 'incidents' | 'changeRecords' | 'opsLogs'
> {
  const demo = generateDemoOperations(assets, { today, ...(maxAssets ? { maxAssets } : {}) });
  const { assetIndexes, ...plan } = demo.plan;
  const patrolPlans = withIds(12, [
    patrolPlanFields.parse({ ...plan, assetIds: assetIndexes.map((i) => assets[i]!.id) }),
  ]);
  const planId = patrolPlans[0]!.id;
  const patrolEntries = demo.entries.map(({ assetIndex, date, readings, noIncidentReasons }) => {
    const assetId = assets[assetIndex]!.id;
    return {
      ...patrolEntryFields.parse({
        planId,
        assetId,
        round: date,
        date,
        readings,
        noIncidentReasons,
        enteredBy: plan.assignee,
      }),
      id: patrolEntryId(planId, date, assetId),
    };
  });
  return {
    serviceDesign: serviceDesignFields.parse(demo.serviceDesign),
    patrolPlans,
    patrolEntries,
    shiftHandovers: [],
    incidents: withIds(
      13,
      demo.incidents.map(({ assetIndex, fromPatrol, ...values }) => {
        const assetId = assetIndex === undefined ? '' : assets[assetIndex]!.id;
        const link = fromPatrol ? `${patrolEntryId(planId, fromPatrol.date, assetId)}#${fromPatrol.metricKey}` : '';
        return incidentFields.parse({ ...values, assetId, patrolEntryId: link });
      }),
    ),
    changeRecords: withIds(
      14,
      demo.changes.map(({ assetIndexes: indexes, ...values }) =>
        changeRecordFields.parse({ ...values, assetIds: (indexes ?? []).map((i) => assets[i]!.id) }),
      ),
    ),
    opsLogs: withIds(
      15,
      demo.opsLogs.map((values) => opsLogFields.parse(values)),
    ),
  };
}

/**
 * A large 巡检月报: the bank project with `count` patrolled assets (servers, network, storage,
 * databases) and 30 days of daily readings up to OPERATIONS_TODAY, with the rich fixture's
 * SLA and team.
 */
export function largeOperationsFixture(count = 200): ProjectDocumentData {
  const rich = richFixture().data;
  const assets = withIds(
    16,
    generateDemoAssets(Math.ceil(count * 1.3)).map((a) => assetFields.parse(a)),
  );
  const operations = operationsData(assets, OPERATIONS_TODAY, count);
  const patrolled = operations.patrolPlans![0]!.assetIds.length;
  if (patrolled < count) throw new Error(`only ${patrolled} assets to patrol`);
  return { ...rich, assets, ...operations };
}

/** A project with nothing recorded but its name: every document has something missing. */
export function emptyFixture(): ProjectDocumentData {
  return {
    project: projectFields.parse({ code: 'EMPTY-01', name: '空白测试项目', customer: '测试客户' }),
    members: [],
    assets: [],
    surveySessions: [],
    stakeholders: [],
    requirements: [],
    feasibility: null,
    risks: [],
    sla: null,
    charter: null,
    planTasks: [],
    milestones: [],
    checklistTemplates: [],
    inspections: [],
    inspectionResults: [],
    rectifications: [],
    trainingSessions: [],
    pilotRuns: [],
    cutoverPlan: null,
  };
}

/**
 * A large 配置基线检查报告: `count` Linux servers from the demo generator, each checked against
 * the built-in Linux baseline cut to its first `items` items (200 × 30 = 6,000 result rows).
 */
export function largeBaselineFixture(
  count = 200,
  items = 30,
): { data: ProjectDocumentData; files: Map<string, Uint8Array> } {
  const demo = generateDemoProject(0);
  const servers = generateDemoAssets(count * 4)
    .filter((a) => a.type === 'server' && !a.osVersion?.includes('Windows'))
    .slice(0, count);
  if (servers.length < count) throw new Error(`only ${servers.length} Linux servers`);
  const assets = withIds(
    2,
    servers.map((a) => assetFields.parse(a)),
  );
  const [linux] = builtinTemplateRows(['linux-server']);
  const template = { ...linux!, items: linux!.items.slice(0, items) };
  const files = new Map<string, Uint8Array>();
  const data: ProjectDocumentData = {
    ...emptyFixture(),
    project: projectFields.parse(demo.project),
    members: withIds(
      1,
      demo.members.map((m) => memberFields.parse(m)),
    ),
    assets,
    ...deploymentData(assets, files, count, [template]),
  };
  return { data, files };
}
