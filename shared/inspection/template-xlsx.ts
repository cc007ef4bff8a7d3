/**
 * A checklist template as an .xlsx workbook, to review with the customer or edit in Excel/WPS,
 * and back. Three sheets:
 *
 *   模板信息  字段 | 内容 | 填写说明 — 模板名称, 适用对象类型 (labels joined by 、), 版本, 内置模板, 说明
 *   分节      分节编号 | 分节名称, in order
 *   检查项    one row per item: 分节, 编号, 检查项, 检查方法, 期望结果, 类型, 下限, 上限, 单位,
 *            匹配模式, 选项, 合格选项, 严重度, 说明, 解析器
 *
 * Codes are written as their Chinese labels (类型 数值（阈值判定）, 严重度 一般 …) and read back
 * from labels or codes; options are one per line. Export then import gives the same template.
 * Import validates every row with checklistItemSchema and reports errors with the row number
 * Excel shows.
 */
import { readSpreadsheet, SpreadsheetReadError } from '../asset-import/read-sheet';
import { loadExcelJs } from '../asset-import/exceljs-module';
import { type AssetType, assetTypes } from '../records/asset';
import {
  type ChecklistItem,
  type ChecklistSection,
  checklistItemSchema,
  checklistSectionSchema,
  type ItemKind,
  itemKinds,
  type Severity,
  severities,
} from '../records/checklist';
import { checkTemplate } from './template-check';
import { parseNumberText } from './text';

export interface XlsxTemplate {
  name: string;
  assetTypes: readonly string[];
  description: string;
  version?: number;
  builtinKey?: string;
  sections: readonly ChecklistSection[];
  items: readonly ChecklistItem[];
}

export interface ImportedTemplate {
  name: string;
  assetTypes: AssetType[];
  description: string;
  version: number;
  builtinKey: string;
  sections: ChecklistSection[];
  items: ChecklistItem[];
}

export interface TemplateImportIssue {
  sheet: string;
  /** The row number Excel shows (1-based), when the issue is about one row. */
  row?: number;
  column?: string;
  message: string;
}

export type TemplateImportResult =
  | { ok: true; template: ImportedTemplate; warnings: TemplateImportIssue[] }
  | { ok: false; errors: TemplateImportIssue[]; warnings: TemplateImportIssue[] };

export const INFO_SHEET = '模板信息';
export const SECTION_SHEET = '分节';
export const ITEM_SHEET = '检查项';

type ItemColumn = 'section' | keyof Omit<ChecklistItem, 'sectionId'>;

export const itemColumns: Array<{ field: ItemColumn; header: string; width: number; aliases: string[] }> = [
  { field: 'section', header: '分节', width: 14, aliases: ['分节名称', '章节', '分类', '检查类别'] },
  { field: 'id', header: '编号', width: 26, aliases: ['检查项编号', 'id', '序号编码'] },
  { field: 'title', header: '检查项', width: 30, aliases: ['检查项目', '检查内容', '名称'] },
  { field: 'method', header: '检查方法', width: 48, aliases: ['方法', '检查命令', '检查方法（命令或查看位置）'] },
  { field: 'expected', header: '期望结果', width: 30, aliases: ['期望值', '预期结果', '标准值', '基线要求'] },
  { field: 'kind', header: '类型', width: 18, aliases: ['检查类型', '判定方式', '结果类型'] },
  { field: 'min', header: '下限', width: 9, aliases: ['最小值'] },
  { field: 'max', header: '上限', width: 9, aliases: ['最大值'] },
  { field: 'unit', header: '单位', width: 8, aliases: [] },
  { field: 'pattern', header: '匹配模式', width: 22, aliases: ['匹配模式（正则）', '正则', '正则表达式'] },
  { field: 'options', header: '选项', width: 20, aliases: ['可选值'] },
  { field: 'acceptable', header: '合格选项', width: 16, aliases: ['合格值'] },
  { field: 'severity', header: '严重度', width: 9, aliases: ['严重程度', '不合格严重度', '风险等级'] },
  { field: 'guidance', header: '说明', width: 48, aliases: ['说明/整改建议', '整改建议', '备注'] },
  { field: 'parser', header: '解析器', width: 26, aliases: ['输出解析器'] },
];

const kindAliases: Record<string, ItemKind> = {
  合格不合格: 'passFail',
  '合格/不合格': 'passFail',
  判断: 'passFail',
  是否: 'passFail',
  人工判定: 'passFail',
  数值: 'number',
  数字: 'number',
  阈值: 'number',
  文本: 'text',
  文字: 'text',
  单选: 'choice',
  选择: 'choice',
  多选: 'multiChoice',
  拍照: 'photo',
  照片: 'photo',
  必须拍照: 'photo',
};

const severityAliases: Record<string, Severity> = {
  高: 'critical',
  中: 'major',
  低: 'minor',
  严重: 'critical',
  一般: 'major',
  轻微: 'minor',
};

export async function exportTemplateXlsx(template: XlsxTemplate): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fieldbook';
  workbook.created = new Date();
  const headerStyle = (row: {
    eachCell(callback: (cell: { font: unknown; fill: unknown; border: unknown; alignment: unknown }) => void): void;
  }) =>
    row.eachCell((cell) => {
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
      cell.border = { bottom: { style: 'thin' } };
      cell.alignment = { vertical: 'middle' };
    });

  // 模板信息
  const info = workbook.addWorksheet(INFO_SHEET);
  info.getColumn(1).width = 14;
  info.getColumn(2).width = 60;
  info.getColumn(3).width = 50;
  [1, 2, 3].forEach((c) => (info.getColumn(c).numFmt = '@'));
  headerStyle(info.addRow(['字段', '内容', '填写说明']));
  const typeLabels = Object.values(assetTypes)
    .map((label) => label.zh)
    .join('、');
  info.addRows([
    ['模板名称', template.name, '必填'],
    [
      '适用对象类型',
      template.assetTypes.map((code) => assetTypes[code as AssetType]?.zh ?? code).join('、'),
      `可填：${typeLabels}；多个用“、”分隔`,
    ],
    ['版本', String(template.version ?? 1), '正整数'],
    ['内置模板', template.builtinKey ?? '', '复制自哪个内置模板（可空）'],
    ['说明', template.description, ''],
  ]);
  info.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  // 分节
  const sectionSheet = workbook.addWorksheet(SECTION_SHEET);
  sectionSheet.getColumn(1).width = 14;
  sectionSheet.getColumn(2).width = 30;
  [1, 2].forEach((c) => (sectionSheet.getColumn(c).numFmt = '@'));
  headerStyle(sectionSheet.addRow(['分节编号', '分节名称']));
  sectionSheet.addRows(template.sections.map((section) => [section.id, section.title]));

  // 检查项
  const sheet = workbook.addWorksheet(ITEM_SHEET);
  itemColumns.forEach((column, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = column.width;
    if (column.field !== 'min' && column.field !== 'max') col.numFmt = '@';
    col.alignment = { wrapText: true, vertical: 'top' };
  });
  headerStyle(sheet.addRow(itemColumns.map((column) => column.header)));
  const titleCount = new Map<string, number>();
  for (const section of template.sections) titleCount.set(section.title, (titleCount.get(section.title) ?? 0) + 1);
  const sectionCell = new Map(
    template.sections.map((section) => [section.id, titleCount.get(section.title) === 1 ? section.title : section.id]),
  );
  for (const item of template.items) {
    sheet.addRow(
      itemColumns.map(({ field }) => {
        switch (field) {
          case 'section':
            return sectionCell.get(item.sectionId) ?? item.sectionId;
          case 'kind':
            return itemKinds[item.kind].zh;
          case 'severity':
            return severities[item.severity].zh;
          case 'min':
          case 'max':
            return item[field] ?? null;
          case 'options':
          case 'acceptable':
            return listCell(item[field]);
          default:
            return item[field];
        }
      }),
    );
  }
  const kindList = `"${Object.values(itemKinds)
    .map((label) => label.zh)
    .join(',')}"`;
  const severityList = `"${Object.values(severities)
    .map((label) => label.zh)
    .join(',')}"`;
  const kindColumn = itemColumns.findIndex((c) => c.field === 'kind') + 1;
  const severityColumn = itemColumns.findIndex((c) => c.field === 'severity') + 1;
  for (let r = 2; r <= template.items.length + 200; r++) {
    sheet.getCell(r, kindColumn).dataValidation = { type: 'list', allowBlank: true, formulae: [kindList] };
    sheet.getCell(r, severityColumn).dataValidation = { type: 'list', allowBlank: true, formulae: [severityList] };
  }
  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: itemColumns.length } };

  return toUint8Array((await workbook.xlsx.writeBuffer()) as unknown);
}

/** Options one per line; a single option containing ; or | gets a trailing line break so it is not split on import. */
function listCell(list: readonly string[]): string {
  const text = list.join('\n');
  return list.length === 1 && /[;；|]/.test(list[0]!) ? `${text}\n` : text;
}

function splitList(text: string): string[] {
  const parts = text.includes('\n') ? text.split('\n') : text.split(/[;；|]/);
  return parts.map((part) => part.trim()).filter(Boolean);
}

export async function importTemplateXlsx(bytes: Uint8Array): Promise<TemplateImportResult> {
  const errors: TemplateImportIssue[] = [];
  const warnings: TemplateImportIssue[] = [];
  let sheetNames: string[];
  let firstGrid: string[][];
  try {
    const first = await readSpreadsheet(bytes, 'template.xlsx', { sheetIndex: 0 });
    sheetNames = first.sheetNames;
    firstGrid = first.rows;
  } catch (error) {
    return {
      ok: false,
      errors: [
        {
          sheet: '',
          message: error instanceof SpreadsheetReadError ? error.message : `无法读取文件：${String(error)}`,
        },
      ],
      warnings,
    };
  }
  const grid = async (index: number) =>
    index === 0 ? firstGrid : (await readSpreadsheet(bytes, 'template.xlsx', { sheetIndex: index })).rows;
  const grids = await Promise.all(sheetNames.map((_, index) => grid(index)));

  // The item sheet: by name, else the first sheet with an 编号 + 检查项 header row.
  let itemIndex = sheetNames.indexOf(ITEM_SHEET);
  if (itemIndex < 0) itemIndex = grids.findIndex((rows) => findHeaderRow(rows) >= 0);
  if (itemIndex < 0)
    return {
      ok: false,
      errors: [{ sheet: '', message: `找不到“${ITEM_SHEET}”工作表（需要含“编号”“检查项”列的表头）` }],
      warnings,
    };
  const itemSheetName = sheetNames[itemIndex]!;

  // 模板信息
  const info = readInfo(sheetNames.indexOf(INFO_SHEET) >= 0 ? grids[sheetNames.indexOf(INFO_SHEET)]! : [], errors);

  // 分节
  const sections: ChecklistSection[] = [];
  const sectionIndex = sheetNames.indexOf(SECTION_SHEET);
  if (sectionIndex >= 0) {
    grids[sectionIndex]!.forEach((row, r) => {
      if (r === 0 && /编号|编码/.test(row[0] ?? '')) return;
      const [id = '', title = ''] = row.map((cell) => cell.trim());
      if (!id && !title) return;
      const parsed = checklistSectionSchema.safeParse({ id: id || nextSectionId(sections), title });
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          errors.push({
            sheet: SECTION_SHEET,
            row: r + 1,
            column: issue.path[0] === 'id' ? '分节编号' : '分节名称',
            message: `第 ${r + 1} 行：${issue.message}`,
          });
      } else if (sections.some((s) => s.id === parsed.data.id)) {
        errors.push({
          sheet: SECTION_SHEET,
          row: r + 1,
          column: '分节编号',
          message: `第 ${r + 1} 行：分节编号重复：${parsed.data.id}`,
        });
      } else sections.push(parsed.data);
    });
  }

  // 检查项
  const rows = grids[itemIndex]!;
  const headerRow = findHeaderRow(rows);
  if (headerRow < 0)
    return {
      ok: false,
      errors: [...errors, { sheet: itemSheetName, message: '找不到表头行（需要“编号”和“检查项”两列）' }],
      warnings,
    };
  const columnOf = new Map<ItemColumn, number>();
  rows[headerRow]!.forEach((cell, c) => {
    const header = normaliseHeader(cell);
    const column = itemColumns.find(
      (col) => normaliseHeader(col.header) === header || col.aliases.some((alias) => normaliseHeader(alias) === header),
    );
    if (column && !columnOf.has(column.field)) columnOf.set(column.field, c);
  });
  const items: ChecklistItem[] = [];
  const rowOfItem = new Map<string, number>();
  let lastSectionId = '';
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r]!;
    const excelRow = r + 1;
    const cell = (field: ItemColumn) => {
      const c = columnOf.get(field);
      return c === undefined ? '' : (row[c] ?? '');
    };
    if (itemColumns.every(({ field }) => cell(field).trim() === '')) continue;
    const rowError = (column: string, message: string) =>
      errors.push({
        sheet: itemSheetName,
        row: excelRow,
        column,
        message: `第 ${excelRow} 行「${column}」：${message}`,
      });

    // 分节: a title, or a section id, or a new section; blank = the one above.
    let sectionId = '';
    const sectionText = cell('section').trim();
    if (sectionText) {
      const byTitle = sections.filter((s) => s.title === sectionText);
      const found = byTitle.length === 1 ? byTitle[0] : sections.find((s) => s.id === sectionText);
      if (found) sectionId = found.id;
      else {
        const section = { id: nextSectionId(sections), title: sectionText };
        sections.push(section);
        sectionId = section.id;
        warnings.push({
          sheet: itemSheetName,
          row: excelRow,
          column: '分节',
          message: `第 ${excelRow} 行：新分节「${sectionText}」（编号 ${section.id}）`,
        });
      }
    } else if (lastSectionId) sectionId = lastSectionId;
    else {
      rowError('分节', '请填写分节');
      continue;
    }
    lastSectionId = sectionId;

    let kind: ItemKind | undefined = 'passFail';
    const kindText = cell('kind').trim();
    if (kindText) {
      kind = kindFromText(kindText);
      if (!kind)
        rowError(
          '类型',
          `无法识别“${kindText}”，可填：${Object.values(itemKinds)
            .map((k) => k.zh)
            .join('、')}`,
        );
    }
    let severity: Severity | undefined = 'major';
    const severityText = cell('severity').trim();
    if (severityText) {
      severity = severityFromText(severityText);
      if (!severity) rowError('严重度', `无法识别“${severityText}”，可填：严重、一般、轻微`);
    }
    const bound = (field: 'min' | 'max', label: string): number | null | undefined => {
      const text = cell(field).trim();
      if (!text) return null;
      const n = parseNumberText(text);
      if (n === null) {
        rowError(label, `“${text}”不是数字`);
        return undefined;
      }
      return n;
    };
    const min = bound('min', '下限');
    const max = bound('max', '上限');
    if (!kind || !severity || min === undefined || max === undefined) continue;

    let id = cell('id').trim();
    if (!id) {
      id = `item-${excelRow}`;
      warnings.push({
        sheet: itemSheetName,
        row: excelRow,
        column: '编号',
        message: `第 ${excelRow} 行：未填编号，已生成 ${id}`,
      });
    }
    const parsed = checklistItemSchema.safeParse({
      id,
      sectionId,
      title: cell('title'),
      method: cell('method'),
      expected: cell('expected'),
      kind,
      min,
      max,
      unit: cell('unit'),
      pattern: cell('pattern'),
      options: splitList(cell('options')),
      acceptable: splitList(cell('acceptable')),
      severity,
      guidance: cell('guidance'),
      parser: cell('parser'),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const column = field === 'sectionId' ? '分节' : (itemColumns.find((c) => c.field === field)?.header ?? field);
        rowError(column, issue.message);
      }
      continue;
    }
    if (rowOfItem.has(parsed.data.id)) {
      rowError('编号', `编号 ${parsed.data.id} 与第 ${rowOfItem.get(parsed.data.id)} 行重复`);
      continue;
    }
    rowOfItem.set(parsed.data.id, excelRow);
    items.push(parsed.data);
  }
  if (items.length === 0 && errors.length === 0) errors.push({ sheet: itemSheetName, message: '没有检查项' });

  for (const issue of checkTemplate({ sections, items })) {
    const row = issue.itemId ? rowOfItem.get(issue.itemId) : undefined;
    const column = issue.field
      ? issue.field === 'sectionId'
        ? '分节'
        : itemColumns.find((c) => c.field === issue.field)?.header
      : undefined;
    const entry: TemplateImportIssue = {
      sheet: issue.itemId ? itemSheetName : SECTION_SHEET,
      ...(row !== undefined ? { row } : {}),
      ...(column ? { column } : {}),
      message: row !== undefined ? `第 ${row} 行：${issue.message}` : issue.message,
    };
    (issue.level === 'error' ? errors : warnings).push(entry);
  }
  if (errors.length > 0 || !info) return { ok: false, errors, warnings };
  return { ok: true, template: { ...info, sections, items }, warnings };
}

function readInfo(
  rows: string[][],
  errors: TemplateImportIssue[],
): Omit<ImportedTemplate, 'sections' | 'items'> | null {
  const field = (label: RegExp) => {
    const index = rows.findIndex((row) => label.test((row[0] ?? '').trim()));
    return index < 0 ? undefined : { value: (rows[index]![1] ?? '').trim(), row: index + 1 };
  };
  const name = field(/^(模板名称|名称)$/);
  let ok = true;
  if (!name?.value) {
    errors.push({
      sheet: INFO_SHEET,
      ...(name ? { row: name.row } : {}),
      column: '内容',
      message: rows.length === 0 ? `缺少“${INFO_SHEET}”工作表或其中没有模板名称` : '请填写模板名称',
    });
    ok = false;
  } else if (name.value.length > 200) {
    errors.push({
      sheet: INFO_SHEET,
      row: name.row,
      column: '内容',
      message: `第 ${name.row} 行：模板名称不能超过 200 个字符`,
    });
    ok = false;
  }
  const types: AssetType[] = [];
  const typeField = field(/^(适用对象类型|适用类型|对象类型)$/);
  for (const part of (typeField?.value ?? '').split(/[、,，;；/\s]+/).filter(Boolean)) {
    const code = (Object.keys(assetTypes) as AssetType[]).find(
      (c) => c === part || assetTypes[c].zh === part || assetTypes[c].en.toLowerCase() === part.toLowerCase(),
    );
    if (!code) {
      errors.push({
        sheet: INFO_SHEET,
        row: typeField!.row,
        column: '内容',
        message: `第 ${typeField!.row} 行：无法识别的对象类型“${part}”，可填：${Object.values(assetTypes)
          .map((t) => t.zh)
          .join('、')}`,
      });
      ok = false;
    } else if (!types.includes(code)) types.push(code);
  }
  let version = 1;
  const versionField = field(/^版本(号)?$/);
  if (versionField?.value) {
    const n = parseNumberText(versionField.value.replace(/^[Vv]/, ''));
    if (n === null || !Number.isInteger(n) || n < 1) {
      errors.push({
        sheet: INFO_SHEET,
        row: versionField.row,
        column: '内容',
        message: `第 ${versionField.row} 行：版本应为正整数`,
      });
      ok = false;
    } else version = n;
  }
  const builtinKey = field(/^内置模板$/)?.value ?? '';
  const description = rows.find((row) => /^(说明|描述)$/.test((row[0] ?? '').trim()))?.[1] ?? '';
  return ok && name ? { name: name.value, assetTypes: types, description, version, builtinKey } : null;
}

function findHeaderRow(rows: string[][]): number {
  return rows.slice(0, 20).findIndex((row) => {
    const headers = row.map(normaliseHeader);
    return headers.includes('编号') && headers.some((h) => h === '检查项' || h === '检查项目' || h === '检查内容');
  });
}

function normaliseHeader(text: string): string {
  return text.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').toLowerCase();
}

function kindFromText(text: string): ItemKind | undefined {
  const folded = text.replace(/\s+/g, '');
  const byLabel = (Object.keys(itemKinds) as ItemKind[]).find(
    (code) =>
      code.toLowerCase() === folded.toLowerCase() ||
      itemKinds[code].zh.replace(/\s+/g, '') === folded ||
      itemKinds[code].en.toLowerCase() === text.trim().toLowerCase(),
  );
  return byLabel ?? kindAliases[folded.replace(/（.*）$|\(.*\)$/, '')] ?? kindAliases[folded];
}

function severityFromText(text: string): Severity | undefined {
  const folded = text.trim();
  return (
    (Object.keys(severities) as Severity[]).find(
      (code) =>
        code === folded.toLowerCase() ||
        severities[code].zh === folded ||
        severities[code].en.toLowerCase() === folded.toLowerCase(),
    ) ?? severityAliases[folded]
  );
}

function nextSectionId(sections: readonly ChecklistSection[]): string {
  let n = sections.length + 1;
  while (sections.some((s) => s.id === `section-${n}`)) n++;
  return `section-${n}`;
}

/** writeBuffer gives a Node Buffer in Node and an ArrayBuffer in the browser: a plain Uint8Array that owns its bytes. */
function toUint8Array(buffer: unknown): Uint8Array {
  if (buffer instanceof ArrayBuffer) return new Uint8Array(buffer.slice(0));
  if (ArrayBuffer.isView(buffer))
    return new Uint8Array(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  throw new Error('exceljs 返回了无法识别的数据');
}
