/**
 * 尚未解决的问题 of the 需求规格说明书 (GB/T 8567-2006): what the project's records still hold
 * open when the specification is issued — requirements the customer has not confirmed (or
 * changed after confirming), survey follow-ups not done, risks not closed.
 */
import type { RequirementFields } from '../../records/requirement';
import type { RiskFields } from '../../records/risk';
import type { SurveySessionFields } from '../../records/survey';
import { live, type Row } from '../data';

export interface OpenFollowUp {
  session: string;
  text: string;
  owner: string;
  dueDate: string;
}

export interface SpecOpenIssues {
  requirements: RequirementFields[];
  followUps: OpenFollowUp[];
  risks: RiskFields[];
}

export function specOpenIssues(
  requirements: readonly RequirementFields[],
  sessions: readonly SurveySessionFields[],
  risks: readonly Row<RiskFields>[] | undefined,
): SpecOpenIssues {
  return {
    requirements: requirements.filter((r) => r.status !== 'confirmed'),
    followUps: sessions.flatMap((s) =>
      s.followUps
        .filter((f) => f.done !== 'done')
        .map((f) => ({ session: s.title, text: f.text, owner: f.owner, dueDate: f.dueDate })),
    ),
    risks: live(risks).filter((r) => r.status !== 'closed'),
  };
}

export function hasOpenIssues(issues: SpecOpenIssues): boolean {
  return issues.requirements.length + issues.followUps.length + issues.risks.length > 0;
}
