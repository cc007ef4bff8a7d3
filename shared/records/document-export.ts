import { z } from 'zod';
import { optionalText, requiredText } from './fields';

/**
 * One export of a Word deliverable: each export of a document type in a project gets the next
 * version number, and the document's 修订记录 lists them.
 */
export const documentExportFields = z.object({
  docType: requiredText({ zh: '文档', en: 'Document' }, 50),
  version: z.number().int().min(1).meta({ label: { zh: '版本号', en: 'Version' } }),
  exportedBy: requiredText({ zh: '导出人', en: 'Exported by' }, 50),
  exportedAt: requiredText({ zh: '导出时间', en: 'Exported at' }, 30),
  note: optionalText({ zh: '修改内容', en: 'Changes' }, 500),
  fileName: optionalText({ zh: '文件名', en: 'File name' }, 255),
});
export type DocumentExportFields = z.infer<typeof documentExportFields>;
