import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConsistencyFinding } from '../../../shared/documents/catalogue';
import { findingKinds } from '../../../shared/documents/catalogue';
import { pickLabel } from '../../i18n';

/**
 * 交付前检查 in the generate dialog: the contradictions and gaps that affect the documents about
 * to be issued, each with a link to the page where its record is fixed. It informs; it does not
 * stop the export (a finding may be a deliberate choice the engineer has checked).
 */
export function PreIssueFindings({
  projectId,
  findings,
}: {
  projectId: string;
  findings: readonly ConsistencyFinding[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const colon = lang.startsWith('en') ? ': ' : '：';
  if (findings.length === 0)
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="pre-issue-check"
        message={`${t('deliverables.preIssue.title')}${colon}${t('deliverables.preIssue.none')}`}
      />
    );
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="pre-issue-check"
      message={`${t('deliverables.preIssue.title')}${colon}${t('deliverables.preIssue.found', { count: findings.length })}`}
      description={
        <ul className="missing-list" style={{ maxHeight: 240, overflowY: 'auto', paddingInlineStart: 18, margin: 0 }}>
          {findings.map((finding, index) => (
            <li key={index} data-testid="pre-issue-finding">
              <strong>{pickLabel(findingKinds[finding.kind], lang)}</strong>
              {colon}
              {pickLabel(finding.message, lang)}{' '}
              <Link to={`/projects/${projectId}/${finding.route}`}>{t('deliverables.preIssue.fix')}</Link>
            </li>
          ))}
        </ul>
      }
    />
  );
}
