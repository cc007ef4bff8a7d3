import type { Document } from 'docx';
import type { AssetFields } from '../records/asset';
import type { DocumentExportFields } from '../records/document-export';
import type { CharterFields } from '../records/charter';
import type { ChecklistTemplateFields } from '../records/checklist';
import type { CutoverPlanFields, PilotRunFields, TrainingSessionFields } from '../records/deployment';
import type { FeasibilityFields } from '../records/feasibility';
import type { InspectionFields, InspectionResultFields, RectificationFields } from '../records/inspection';
import type { MemberFields } from '../records/member';
import type {
  ChangeRecordFields,
  IncidentFields,
  OpsLogFields,
  PatrolEntryFields,
  PatrolPlanFields,
  ServiceDesignFields,
  ShiftHandoverFields,
} from '../records/operations';
import type { MilestoneFields, PlanTaskFields } from '../records/plan';
import type { ProjectFields } from '../records/project';
import type { RequirementFields } from '../records/requirement';
import type { RiskFields } from '../records/risk';
import type { SlaFields } from '../records/sla';
import type { StakeholderFields } from '../records/stakeholder';
import type { SurveySessionFields } from '../records/survey';
import type { Gap } from './checks';
import type { BuildOptions } from './kit/context';
import type { DocumentMeta } from './kit/meta';

/** A stored row as the builders need it: its fields and id (RowOf<T> fits). Deleted rows are skipped. */
export type Row<T> = T & { id: string; deleted?: boolean };

/**
 * Everything the deliverables are built from: one project's records, as the repository returns
 * them. Each builder takes the part it needs (a Pick of this), so the caller may load only that.
 */
export interface ProjectDocumentData {
  project: ProjectFields;
  members: Row<MemberFields>[];
  assets: Row<AssetFields>[];
  surveySessions: Row<SurveySessionFields>[];
  stakeholders: Row<StakeholderFields>[];
  requirements: Row<RequirementFields>[];
  /** Singletons: null until someone starts them. */
  feasibility: FeasibilityFields | null;
  risks: Row<RiskFields>[];
  sla: SlaFields | null;
  charter: CharterFields | null;
  planTasks: Row<PlanTaskFields>[];
  milestones: Row<MilestoneFields>[];
  // Phase 三 (服务部署与实施). Optional so that a caller that loads only the phase 一/二 records
  // keeps compiling and working: a collection it leaves out counts as empty (live() takes
  // undefined), a singleton as not started. The phase 三 documents then say what is missing.
  /** Every version of every checklist template an inspection may refer to. */
  checklistTemplates?: Row<ChecklistTemplateFields>[];
  inspections?: Row<InspectionFields>[];
  /** Id = resultId(inspectionId, itemId). */
  inspectionResults?: Row<InspectionResultFields>[];
  /** Id = the id of the failed result it follows up. */
  rectifications?: Row<RectificationFields>[];
  trainingSessions?: Row<TrainingSessionFields>[];
  pilotRuns?: Row<PilotRunFields>[];
  cutoverPlan?: CutoverPlanFields | null;
  // Phases 二 and 四 (服务设计, 运维): optional for the same reason.
  serviceDesign?: ServiceDesignFields | null;
  patrolPlans?: Row<PatrolPlanFields>[];
  /** Id = patrolEntryId(planId, round, assetId). */
  patrolEntries?: Row<PatrolEntryFields>[];
  shiftHandovers?: Row<ShiftHandoverFields>[];
  incidents?: Row<IncidentFields>[];
  changeRecords?: Row<ChangeRecordFields>[];
  opsLogs?: Row<OpsLogFields>[];
  /** The exported deliverables so far (the 交接文档 lists the documents delivered). */
  documentExports?: Row<DocumentExportFields>[];
}

export type BuildResult =
  | {
      ok: true;
      document: Document;
      /** What was missing and is marked 待补充 in the document (empty when complete). */
      placeholders: string[];
      /** Things worth telling the user that are not missing data, e.g. a photo whose bytes were not given. */
      warnings: string[];
    }
  | {
      ok: false;
      /** What is missing, one line each in both languages: "没有已确认的需求", "SLA 未定义 P1 的响应时限". */
      missing: Gap[];
    };

export type DocumentBuilder<Data> = (data: Data, meta: DocumentMeta, options: BuildOptions) => BuildResult;

/**
 * Rows that are not deleted. A collection the caller did not load (undefined, e.g. a loader
 * written before the phase 三 tables existed) counts as empty rather than failing the export.
 */
export function live<T extends { deleted?: boolean }>(rows: readonly T[] | undefined): T[] {
  return rows ? rows.filter((row) => !row.deleted) : [];
}
