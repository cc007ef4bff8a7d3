import { Select, Table, Tooltip, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  documentNumber,
  documentRegister,
  type DocumentTypeKey,
  documentTypes,
  type RegisterEntry,
  periodLabel,
  scopePeriod,
  versionText,
} from '../../../shared/documents/catalogue';
import type { RowOf } from '../../../shared/records';
import { type DocumentStatus, documentStatuses } from '../../../shared/records/document-export';
import { useServices } from '../../app/services';
import { useProjectRights } from '../../app/use-project-rights';
import { pickLabel } from '../../i18n';

interface DocumentRegisterProps {
  project: RowOf<'projects'>;
  exports: RowOf<'documentExports'>[];
}

/**
 * 文档登记表: every document identity issued in this project (a one-off document, or one day's
 * 巡检日志, one month's 巡检月报 …) with its 文档编号, current version, where it stands with the
 * customer (草稿/已提交/已签署, which decides whether the next issue is a correction or a
 * re-approval) and the files issued.
 */
export function DocumentRegister({ project, exports }: DocumentRegisterProps) {
  const { repo } = useServices();
  const rights = useProjectRights(project.id);
  // 已签署 is set, and taken back, only by whom the role table lets sign (shared/roles.ts).
  const mayMove = (from: DocumentStatus, to: DocumentStatus) =>
    rights.maySet('documentExports', 'status', to) && (from !== 'signed' || rights.may('sign', 'documentExports'));
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const codeOf = (docType: string) => documentTypes.find((type) => type.key === docType)?.code ?? docType;
  const entries = documentRegister(
    exports,
    documentTypes.map((type) => type.key),
    (identity) =>
      documentNumber({
        projectCode: project.code,
        typeCode: codeOf(identity.docType),
        scope: identity.scope,
        pattern: project.documentNumberPattern,
      }),
  );
  const titleOf = (entry: RegisterEntry) =>
    documentTypes.some((type) => type.key === entry.docType)
      ? t(`deliverables.titles.${entry.docType as DocumentTypeKey}`)
      : entry.docType;

  async function setStatus(entry: RegisterEntry, status: DocumentStatus) {
    if (!entry.currentId) return;
    await repo.update('documentExports', entry.currentId, { status });
    message.success(
      t('deliverables.register.statusSaved', {
        title: titleOf(entry),
        version: versionText(entry.current),
        status: pickLabel(documentStatuses[status], lang),
      }),
    );
  }

  return (
    <section className="document-register" data-testid="document-register">
      <Typography.Title level={5}>{t('deliverables.register.title')}</Typography.Title>
      <Table
        rowKey={(entry) => `${entry.docType}/${entry.scope}`}
        size="small"
        dataSource={entries}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('deliverables.register.empty') }}
        columns={[
          { title: t('deliverables.document'), render: (_, entry) => titleOf(entry) },
          {
            title: t('deliverables.register.period'),
            width: 190,
            render: (_, entry) => scopeLabel(entry.scope, lang),
          },
          {
            title: t('deliverables.register.number'),
            width: 240,
            render: (_, entry) => <Typography.Text copyable>{entry.documentNumber}</Typography.Text>,
          },
          { title: t('deliverables.register.current'), width: 100, render: (_, entry) => versionText(entry.current) },
          {
            title: t('deliverables.register.status'),
            width: 130,
            render: (_, entry) => (
              <Select
                size="small"
                style={{ width: 110 }}
                aria-label={`${titleOf(entry)} ${t('deliverables.register.status')}`}
                value={entry.status}
                disabled={Object.keys(documentStatuses).every(
                  (to) => to === entry.status || !mayMove(entry.status, to as DocumentStatus),
                )}
                onChange={(status: DocumentStatus) => void setStatus(entry, status)}
                options={Object.entries(documentStatuses).map(([value, label]) => ({
                  value,
                  label: pickLabel(label, lang),
                  disabled: value !== entry.status && !mayMove(entry.status, value as DocumentStatus),
                }))}
              />
            ),
          },
          {
            title: t('deliverables.register.issuedBy'),
            width: 160,
            render: (_, entry) => `${entry.issuedBy} · ${entry.issuedAt.replace('T', ' ')}`,
          },
          {
            title: t('deliverables.register.files'),
            render: (_, entry) => (
              <Tooltip title={entry.files.map((file) => `${file.version} ${file.fileName}`).join('\n')}>
                <span>{entry.files.map((file) => file.version).join('、')}</span>
              </Tooltip>
            ),
          },
        ]}
      />
    </section>
  );
}

/** 2026年3月 / 2026-03-15 / 2026-03-01 至 2026-03-20 in Chinese; ISO dates in English. */
function scopeLabel(scope: string, lang: string): string {
  const period = scopePeriod(scope);
  if (!period) return '—';
  if (!lang.startsWith('en')) return periodLabel(period);
  return scope.replace('~', ' – ');
}
