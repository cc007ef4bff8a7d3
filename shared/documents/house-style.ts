/**
 * House style of the deliverables: one written form for the words the review found written
 * several ways, and the rules that find the other ways. The builders write these forms through
 * the functions here, and test/documents/house-style.test.ts scans all fifteen documents of the
 * demo project with `houseStyleFindings`, so the two cannot drift apart.
 *
 * Where a form already has a source it is taken from there, not restated:
 * - the warning level of a patrol reading is the word the patrol records use,
 *   `metricLevelLabels` (shared/operations/thresholds.ts): 警告, never 预警;
 * - a status is the records' status label: 已关闭 (incidents, risks), so a change that is closed
 *   reads 已关闭 too, though its workflow step is called 关闭 (评估 → … → 关闭).
 * The others are conventions of Chinese technical documents: 7×24 and 5×8 with the
 * multiplication sign; a percentage with no space before % ("95%", as GB/T 15835-2011 prints
 * them, as the records' own texts and pasted command output write them; the number-with-unit
 * formatter of the patrol and baseline figures wrote "95 %" and now follows). domain.md's
 * conventions of Chinese documents say nothing on these, nor on 个/台/项, so counts keep the
 * word each builder has for its noun and no rule is made for them.
 */
import { changeStates, type ChangeState } from '../operations/change-workflow';
import { metricLevelLabels } from '../operations/thresholds';
import { withUnit as unitText } from '../inspection/text';
import { incidentStatuses } from '../records/operations';
import { serviceHoursOptions } from '../records/project';

export const houseForms = {
  /** The warning level of a reading: the patrol records' word. */
  warning: metricLevelLabels.warning,
  critical: metricLevelLabels.critical,
  roundTheClock: '7×24',
  businessHours: '5×8',
  closed: incidentStatuses.closed.zh,
} as const;

/** The service hours as documents write them: 7×24, 5×8, 自定义 (the records' keys and labels are 7x24, 5x8). */
export function serviceHoursLabel(hours: keyof typeof serviceHoursOptions): string {
  if (hours === '7x24') return houseForms.roundTheClock;
  if (hours === '5x8') return houseForms.businessHours;
  return serviceHoursOptions[hours].zh;
}

/** A change's status as documents print it: its step's name, but 已关闭 once closed (the records' status word). */
export function changeStatusText(state: ChangeState): string {
  return state === 'closed' ? houseForms.closed : changeStates[state].zh;
}

/** "95%": no space before a percent sign. */
export function percent(value: number | string): string {
  return withUnit(String(value), '%');
}

/** A value with its unit: 85%, but 45 ℃, 12 ms (shared/inspection/text.ts, which the patrol and baseline figures use too). */
export function withUnit(value: number | string, unit: string): string {
  return unitText(String(value), unit);
}

export interface HouseRule {
  id: string;
  /** What the rule is about, in the words of a finding. */
  about: string;
  /** The house form to write instead. */
  house: string;
  /** A non-house variant in running text (global). */
  pattern?: RegExp;
  /** A table cell that holds exactly one of these is a non-house status word. */
  cells?: readonly string[];
}

export const houseRules: readonly HouseRule[] = [
  { id: 'warning-word', about: '巡检读数的警告级别', house: houseForms.warning, pattern: /预警/g },
  {
    id: 'round-the-clock',
    about: '全天候服务时间',
    house: houseForms.roundTheClock,
    pattern: /(?<![\w.])(?:7\s*[*xX✕]\s*24|24\s*[*xX✕×]\s*7)(?![\w.])/g,
  },
  {
    id: 'business-hours',
    about: '工作日服务时间',
    house: houseForms.businessHours,
    pattern: /(?<![\w.])5\s*[*xX✕]\s*8(?![\w.])/g,
  },
  { id: 'percent', about: '百分数', house: percent(95), pattern: /\d(?:\s+%|\s*％)/g },
  {
    id: 'closed-status',
    about: '状态“已关闭”',
    house: houseForms.closed,
    pattern: /状态[：:]\s*关闭(?![故变])|(?<![已未申请])关闭\s*\d+\s*[项个起]/g,
    cells: ['关闭'],
  },
  {
    id: 'doubled-word',
    about: '重复的词（名称与后缀拼接而成）',
    house: '只写一次',
    // Two characters written twice in a row, as 「…基线检查」+「检查结果矩阵」 gave; the demo's
    // fifteen documents have no word that legitimately repeats so.
    pattern: /(\p{Script=Han}{2})\1/gu,
  },
];

export interface HouseStyleFinding {
  rule: string;
  /** The text found, with a few characters around it. */
  phrase: string;
  house: string;
}

/** The non-house variants in a document's running text and table cells. */
export function houseStyleFindings(text: string, cells: readonly string[] = []): HouseStyleFinding[] {
  const findings: HouseStyleFinding[] = [];
  for (const rule of houseRules) {
    if (rule.pattern)
      for (const match of text.matchAll(rule.pattern)) {
        const at = match.index;
        findings.push({
          rule: rule.id,
          phrase: text.slice(Math.max(0, at - 8), at + match[0].length + 8).replace(/\s+/g, ' '),
          house: rule.house,
        });
      }
    if (rule.cells)
      for (const cell of cells)
        if (rule.cells.includes(cell.trim())) findings.push({ rule: rule.id, phrase: cell.trim(), house: rule.house });
  }
  return findings;
}
