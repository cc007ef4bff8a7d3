/**
 * The numbered chapters of the documents that others refer to, in order: the builder makes its
 * headings from this list and every cross reference ("按第 6 章「变更操作」执行") is made from the
 * same list, so a reference names the chapter that is really there. 交付前检查 reads the list
 * to judge references typed into records ("整理为《运维操作手册》第 6 章").
 */
export const documentChapters = {
  /** GB/T 8567-2006's outline of a 软件需求规格说明 (its 附录 unnumbered, none here). */
  requirementsSpec: {
    scope: '范围',
    references: '引用文件',
    requirements: '需求',
    qualification: '合格性规定',
    traceability: '需求可追踪性',
    openIssues: '尚未解决的问题',
    notes: '注解',
  },
  opsManual: {
    overview: '概述',
    patrol: '日常巡检',
    baseline: '配置基线检查方法',
    routine: '例行运维任务',
    incidents: '故障处理',
    changes: '变更操作',
  },
  opsTechnicalPlan: {
    overview: '概述',
    organisation: '服务模式与组织',
    serviceLevels: '服务级别目标',
    monitoring: '监控指标与阈值',
    grading: '故障分级与升级',
    changes: '变更管理',
    baseline: '配置基线',
  },
} as const;

export type ChapteredDocument = keyof typeof documentChapters;
export type ChapterKey<D extends ChapteredDocument> = keyof (typeof documentChapters)[D];

/** The chapter's heading text. */
export function chapterTitle<D extends ChapteredDocument>(doc: D, key: ChapterKey<D>): string {
  return documentChapters[doc][key] as string;
}

/** The chapter's number, 1-based. */
export function chapterNumber<D extends ChapteredDocument>(doc: D, key: ChapterKey<D>): number {
  return Object.keys(documentChapters[doc]).indexOf(key as string) + 1;
}

/** 第 6 章「变更操作」. */
export function chapterRef<D extends ChapteredDocument>(doc: D, key: ChapterKey<D>): string {
  return `第 ${chapterNumber(doc, key)} 章「${chapterTitle(doc, key)}」`;
}

/** The titles of a document's chapters in order ([] for a document not listed). */
export function chapterTitles(doc: string): string[] {
  return doc in documentChapters ? Object.values(documentChapters[doc as ChapteredDocument]) : [];
}
