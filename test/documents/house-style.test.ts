/**
 * The house style over every deliverable: all fifteen documents of the demo project are built,
 * packed and read back (mammoth's text, and the table cells of word/document.xml), and scanned
 * with the rules shared/documents/house-style.ts gives the builders. A finding names the document
 * and the phrase.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type DocumentTypeKey, documentTypes } from '../../shared/documents';
import {
  changeStatusText,
  houseForms,
  houseRules,
  houseStyleFindings,
  percent,
  serviceHoursLabel,
  withUnit,
} from '../../shared/documents/house-style';
import { metricLevelLabels } from '../../shared/operations/thresholds';
import { incidentStatuses } from '../../shared/records/operations';
import { riskStatuses } from '../../shared/records/risk';
import { richFixture } from './helpers/fixture';
import { readBack } from './helpers/read-docx';
import { renderSample } from './helpers/sample-deliverables';

const fixture = richFixture();

/** Every table cell's text, its paragraphs joined by a line break. */
function cellsOf(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) =>
    [...cell[1]!.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
      .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
      .join('\n'),
  );
}

describe('house style rules', () => {
  it('take the warning word from the patrol records and the status word from the records', () => {
    expect(houseForms.warning).toBe(metricLevelLabels.warning);
    expect(houseForms.warning).toBe('警告');
    expect(houseForms.closed).toBe(incidentStatuses.closed.zh);
    expect(houseForms.closed).toBe(riskStatuses.closed.zh);
    expect(changeStatusText('closed')).toBe('已关闭');
    expect(changeStatusText('approval')).toBe('审批');
    expect(serviceHoursLabel('7x24')).toBe('7×24');
    expect(serviceHoursLabel('5x8')).toBe('5×8');
    expect(percent(95)).toBe('95%');
    expect(withUnit(85, '%')).toBe('85%');
    expect(withUnit(45, '℃')).toBe('45 ℃');
  });

  it('find each non-house variant and leave the house forms alone', () => {
    const variants = [
      ['CPU 使用率达到预警阈值', 'warning-word'],
      ['服务时间 7*24 小时', 'round-the-clock'],
      ['7x24 值班热线', 'round-the-clock'],
      ['24×7 服务台', 'round-the-clock'],
      ['服务时间 5x8', 'business-hours'],
      ['可用性 ≥ 99.9 %', 'percent'],
      ['达标率 95％', 'percent'],
      ['当前状态：关闭', 'closed-status'],
      ['关闭 3 项', 'closed-status'],
    ] as const;
    for (const [text, rule] of variants)
      expect(
        houseStyleFindings(text).map((f) => f.rule),
        text,
      ).toEqual([rule]);
    expect(houseStyleFindings('', ['关闭']).map((f) => f.rule)).toEqual(['closed-status']);
    const house =
      '读数为警告或严重时登记故障；7×24 小时值守，5×8 服务；可用性 ≥ 99.9%；已关闭 3 项，未关闭的故障 2 个；关闭故障前须填写根本原因；关闭不必要的服务；主机 web-7x240';
    expect(houseStyleFindings(house, ['已关闭', '未关闭', '关闭不必要的服务'])).toEqual([]);
    expect(new Set(houseRules.map((r) => r.id)).size).toBe(houseRules.length);
  });
});

describe('house style in the fifteen deliverables of the demo project', () => {
  const found = new Map<DocumentTypeKey, string[]>();

  beforeAll(async () => {
    for (const type of documentTypes) {
      const doc = await readBack(await renderSample(fixture, type.key));
      const findings = houseStyleFindings(doc.text, cellsOf(await doc.part('word/document.xml')));
      found.set(
        type.key,
        findings.map((f) => `《${type.title}》: “${f.phrase}” (${f.rule}; house form ${f.house})`),
      );
    }
  }, 240_000);

  it('builds all fifteen', () => {
    expect(found.size).toBe(15);
  });

  it.each(documentTypes.map((t) => [t.key] as const))('%s writes only the house forms', (key) => {
    expect(found.get(key)).toEqual([]);
  });
});
