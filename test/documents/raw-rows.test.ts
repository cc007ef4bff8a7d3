import { Document, Packer } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { bulkTable } from '../../shared/documents/kit/bulk-table';
import { DocumentContext } from '../../shared/documents/kit/context';
import type { Cell, Column } from '../../shared/documents/kit/table';
import { placeholderRun } from '../../shared/documents/kit/text';
import { validationErrors } from './helpers/read-docx';

const columns: Column[] = [
  { title: '序号', width: 6, align: 'center' },
  { title: '对象 & <名称>', width: 30 },
  { title: '结果', width: 20, align: 'right' },
  { title: '结论', width: 10, align: 'center' },
];

const rows: Cell[][] = [
  ['1', 'app-01\nAPP-01', '87 %', { text: '不合格', fill: 'F4B084', bold: true }],
  [
    '2',
    'db "primary" & \'replica\' <x>',
    { text: '逾期', color: 'C00000', bold: true, align: 'left' },
    { text: '合格', fill: 'C6E0B4' },
  ],
  ['3', '', '\u0007控制字符', '—'],
  [{ text: '跨两列的说明', columnSpan: 2 }, 'x'.repeat(300), ''],
];

async function tableXml(raw: boolean): Promise<{ xml: string; bytes: Uint8Array }> {
  const ctx = new DocumentContext();
  const blocks = bulkTable(ctx, { caption: '对照', compact: true, columns, rows, raw });
  const packed = new Uint8Array(await Packer.toArrayBuffer(new Document({ sections: [{ children: blocks }] })));
  const bytes = await ctx.rawRows.packInto(packed);
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return { xml: /<w:tbl>[\s\S]*<\/w:tbl>/.exec(xml)![0], bytes };
}

describe('long tables written as text (raw rows)', () => {
  it('writes byte for byte the table docx writes for the same cells, and a valid document', async () => {
    const objects = await tableXml(false);
    const raw = await tableXml(true);
    expect(raw.xml).not.toContain('FIELDBOOK-RAW-ROWS');
    expect(raw.xml).toBe(objects.xml);
    expect(await validationErrors(raw.bytes)).toEqual([]);
  });

  it('leaves a table with runs in a cell to docx', async () => {
    const ctx = new DocumentContext();
    bulkTable(ctx, { columns, rows: [...rows, ['4', { runs: [placeholderRun(ctx, '缺少名称')] }, '', '']], raw: true });
    expect(ctx.rawRows.size).toBe(0);
  });
});
