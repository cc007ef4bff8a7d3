/**
 * The 配置基线检查报告's rectification counts come from the rectification records (parts/
 * baseline-summary.ts). A record that contradicts itself makes the report contradict itself: a
 * rectification marked 已复查 whose re-check failed is printed as 已复查 in its object's record but
 * counted 待整改 in 表2/表3; one whose re-check passed but is still marked 待整改/整改中/已整改 is
 * counted open although the object record shows it re-checked. Each is a finding on the record.
 */
import { rectificationStatuses } from '../../records/inspection';
import type { ProjectDocumentData } from '../data';
import { failuresOf } from '../parts/baseline-findings';
import { joinInspections } from '../parts/inspection-data';
import type { ConsistencyFinding } from './finding';

export function baselineFindings(data: ProjectDocumentData): ConsistencyFinding[] {
  const findings: ConsistencyFinding[] = [];
  for (const { joined, checked } of failuresOf(joinInspections(data).inspections)) {
    const r = checked.rectification;
    if (!r) continue;
    const where = `${joined.asset.name} 的不合格项“${checked.item.title}”`;
    const whereEn = `${joined.asset.name}: "${checked.item.title}"`;
    const status = rectificationStatuses[r.status];
    if (r.status === 'verified' && r.recheckVerdict === 'fail') {
      findings.push({
        kind: 'baselineCounts',
        message: {
          zh: `${where}整改状态为“${status.zh}”，但复查结论为不合格：报告的整改统计把它计为未关闭，对象记录却写“${status.zh}”`,
          en: `${whereEn} is marked ${status.en} but its re-check failed; the report's counts treat it as open`,
        },
        documents: ['baselineReport', 'handover'],
        route: 'nonconformities',
      });
    } else if (r.status !== 'verified' && r.recheckVerdict === 'pass') {
      findings.push({
        kind: 'baselineCounts',
        message: {
          zh: `${where}已记录复查合格，但整改状态仍为“${status.zh}”：报告的整改统计把它计为未关闭`,
          en: `${whereEn} passed its re-check but is still marked ${status.en}; the report's counts treat it as open`,
        },
        documents: ['baselineReport', 'handover'],
        route: 'nonconformities',
      });
    }
  }
  return findings;
}
