import { z } from 'zod';
import { choice, optionalText, requiredText } from './fields';

/** Where an issued file stands with the customer's document control. */
export const documentStatuses = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  signed: { zh: '已签署', en: 'Signed' },
};
export type DocumentStatus = keyof typeof documentStatuses;

/**
 * One export (issue) of a Word deliverable. A document's identity is (project, type, scope):
 * the scope is the day of a 巡检日志, the month of a 巡检月报, the period of a 变更记录 and ''
 * for the one-off documents; each identity has its own 文档编号, versions and 修订记录
 * (shared/documents/identity.ts). Rows written before scopes existed have scope ''.
 */
export const documentExportFields = z.object({
  docType: requiredText({ zh: '文档', en: 'Document' }, 50),
  /** '' | 2026-03-15 | 2026-03 | 2026-03-01~2026-03-20 */
  scope: optionalText({ zh: '期间', en: 'Period' }, 30),
  /** The major version: V{version}.{minor}. A re-approval raises it. */
  version: z
    .number()
    .int()
    .min(1)
    .meta({ label: { zh: '版本号', en: 'Version' } }),
  /** Corrections since the last approval: V1.1, V1.2 … */
  minor: z
    .number()
    .int()
    .min(0)
    .max(99)
    .default(0)
    .meta({ label: { zh: '修订号', en: 'Revision' } }),
  documentNumber: optionalText({ zh: '文档编号', en: 'Document number' }, 100),
  status: choice({ zh: '状态', en: 'Status' }, documentStatuses, 'draft'),
  exportedBy: requiredText({ zh: '导出人', en: 'Exported by' }, 50),
  exportedAt: requiredText({ zh: '导出时间', en: 'Exported at' }, 30),
  note: optionalText({ zh: '修改内容', en: 'Changes' }, 500),
  fileName: optionalText({ zh: '文件名', en: 'File name' }, 255),
});
export type DocumentExportFields = z.infer<typeof documentExportFields>;
