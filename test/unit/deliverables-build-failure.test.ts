import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareExport, renderDocument } from '../../shared/documents';
import { describeBuildFailure, firstInvalidField } from '../../renderer/features/deliverables/build-failure';
import { en } from '../../renderer/i18n/en';
import { zhCN } from '../../renderer/i18n/zh-CN';
import { richFixture } from '../documents/helpers/fixture';

/**
 * A document that cannot be built says so in plain words: which document, and which stored
 * record and field its schema refuses, in the UI language; the raw error and its stack go to
 * the details to copy.
 */

let zh: TFunction;
let english: TFunction;
beforeAll(async () => {
  const make = async (lng: string) => {
    const instance = i18next.createInstance();
    await instance.init({
      lng,
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
      interpolation: { escapeValue: false },
    });
    return instance.t;
  };
  zh = await make('zh-CN');
  english = await make('en');
});

/** The rich fixture with one asset whose IP addresses are null, as no form or sync writes them. */
function damagedData() {
  const { data } = richFixture();
  const asset = data.assets[0]!;
  const damaged = { ...asset, name: 'web01', ips: null as unknown as string[] };
  return { ...data, assets: [damaged, ...data.assets.slice(1)] };
}

const meta = (data: ReturnType<typeof damagedData>) =>
  prepareExport({
    docType: 'requirementsSpec',
    project: data.project,
    exports: [],
    exportedBy: '陈立',
    exportedAt: '2026-01-20T15:30',
    company: '恒信科技',
  }).meta;

describe('a document that cannot be built', () => {
  it('names the record and field its schema refuses, in Chinese, after the document', async () => {
    const data = damagedData();
    const error = await renderDocument('requirementsSpec', data, meta(data), {
      allowMissing: false,
      files: new Map(),
    }).then(
      () => null,
      (e: Error) => e,
    );
    expect(error, 'the builder throws on the damaged row').toBeInstanceOf(Error);

    const invalid = firstInvalidField(data);
    expect(invalid).toMatchObject({ table: 'assets', rowId: data.assets[0]!.id, rowTitle: 'web01', field: 'ips' });
    const { summary, details } = describeBuildFailure(
      '需求规格说明书',
      { message: error!.message, stack: error!.stack },
      invalid,
      zh,
      'zh-CN',
    );
    expect(summary).toBe(
      '生成《需求规格说明书》时出错：记录「web01」（运维对象）的字段「IP 地址」无效：无效输入：期望 数组，实际接收 空值',
    );
    expect(details.split('\n').slice(0, 2)).toEqual([
      '需求规格说明书',
      `assets ${invalid!.rowId} ips: 无效输入：期望 数组，实际接收 空值`,
    ]);
    expect(details).toContain(error!.message);
    expect(details).toContain('at ');
  });

  it('in the English UI, says it in English', () => {
    const data = damagedData();
    const { summary } = describeBuildFailure(
      '需求规格说明书',
      { message: 'x' },
      firstInvalidField(data),
      english,
      'en',
    );
    expect(summary).toBe(
      'Generating “需求规格说明书” failed: record “web01” (Asset), field “IP addresses” is invalid: the stored value is not accepted',
    );
  });

  it('names a record by its id when its title is the damaged field', () => {
    const data = damagedData();
    const asset = { ...data.assets[0]!, name: null as unknown as string, ips: [] };
    const invalid = firstInvalidField({ ...data, assets: [asset] });
    expect(invalid).toMatchObject({ rowTitle: asset.id, field: 'name' });
  });

  it('without a refused record, falls back to the error message', () => {
    const { data } = richFixture();
    expect(firstInvalidField(data)).toBeNull();
    const { summary, details } = describeBuildFailure(
      '项目章程',
      {
        message: "Cannot read properties of undefined (reading 'trim')",
        stack: "TypeError: Cannot read properties of undefined (reading 'trim')\n    at build",
      },
      null,
      zh,
      'zh-CN',
    );
    expect(summary).toBe("生成《项目章程》时出错：Cannot read properties of undefined (reading 'trim')");
    expect(details).toBe("项目章程\nTypeError: Cannot read properties of undefined (reading 'trim')\n    at build");
    expect(describeBuildFailure('项目章程', { message: '' }, null, zh, 'zh-CN').summary).toBe(
      '生成《项目章程》时出错：文档生成程序意外停止',
    );
  });
});
