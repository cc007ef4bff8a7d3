import { CheckCircleFilled, ExclamationCircleFilled, FileWordOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  Modal,
  Popover,
  Progress,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import {
  type Classification,
  type DocumentPeriod,
  type DocumentType,
  type DocumentTypeKey,
  classifications,
  defaultClassification,
  documentPeriodLabel,
  documentScope,
  documentTitle,
  documentTypes,
  filesNeeded,
  preIssueCheck,
  prepareExport,
  type ProjectDocumentData,
  type RevisionKind,
  versionText,
} from '../../../shared/documents/catalogue';
import { documentStatuses } from '../../../shared/records/document-export';
import type { RowOf } from '../../../shared/records';
import { projectPhases, projectTimeZone } from '../../../shared/records/project';
import { nowIn, todayIn } from '../../../shared/date-time';
import { useServices } from '../../app/services';
import { useProjectRights } from '../../app/use-project-rights';
import { syncHttpGetter } from '../../data/attachments';
import { loadHouseTemplate } from '../../data/house-template';
import { pickLabel } from '../../i18n';
import { BuildFailure } from './BuildFailure';
import { DocumentRegister } from './DocumentRegister';
import { type BuildError, describeBuildFailure, firstInvalidField } from './build-failure';
import { loadDocumentData, loadDocumentFiles } from './load-document-data';
import { fromPickerValue, PeriodField, type PeriodValue, toPickerValue } from './PeriodField';
import { PreIssueFindings } from './PreIssueFindings';
import { renderInWorker } from './render-in-worker';
import { GapList } from '../../components/GapList';
import { authorName } from '../../app/author';

type Stage = 'collect' | 'build' | 'save';
const stagePercent: Record<Stage, number> = { collect: 15, build: 60, save: 90 };

interface Options {
  note: string;
  /** 'byType': each document's own default, from the project's settings (项目设置 → 文档密级). */
  classification: Classification | 'byType';
  allowMissing: boolean;
  /** The period chosen for each periodic document in the dialog (巡检日志, 巡检月报, 变更记录). */
  periods?: Partial<Record<DocumentTypeKey, PeriodValue>>;
  /** Put the content into the company template (设置 → 公司文档模板). */
  useHouseTemplate?: boolean;
  /** A correction (V1.1) or a re-approval (V2.0); 'auto': re-approve what is signed, correct the rest. */
  revision: RevisionKind | 'auto';
}

const types: readonly DocumentType[] = documentTypes;

/**
 * 交付文档: every Word deliverable of the project with its readiness, its last version and who
 * exported it when; generate one, or all that are ready. Documents are built in a Web Worker
 * and saved through the host (a save dialog in Electron, a download in the browser).
 */
export function DeliverablesPage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { db, repo, api, sync, settings } = useServices();
  const rights = useProjectRights(project.id);
  const { t, i18n } = useTranslation();
  // The hook's dialogs read the app's locale and theme (the static Modal.* would say OK in English).
  const { modal } = App.useApp();
  const lang = i18n.language;
  const [dialog, setDialog] = useState<DocumentTypeKey[] | null>(null);
  const [progress, setProgress] = useState<{ title: string; stage: Stage } | null>(null);
  const houseTemplate = useLiveQuery(() => loadHouseTemplate(db), [db]);
  const state = useLiveQuery(async () => {
    const [data, exports] = await Promise.all([
      loadDocumentData(db, project.id),
      db.documentExports
        .where('projectId')
        .equals(project.id)
        .filter((e) => !e.deleted)
        .toArray(),
    ]);
    // A periodic document is judged for its default period: the latest day or month with data.
    const periods = new Map(
      types.filter((type) => type.defaultPeriod).map((type) => [type.key, type.defaultPeriod!(data)]),
    );
    // 交付前检查: contradictions between the records, shown in the generate dialog.
    const findings = preIssueCheck(data, { today: todayIn(projectTimeZone(project)) });
    return {
      data,
      exports,
      periods,
      findings,
      missing: new Map(types.map((type) => [type.key, type.missing(data, periods.get(type.key) ?? undefined)])),
    };
  }, [project.id]);

  /** Says which document failed and, when a stored record explains it, which record and field. */
  function showFailure(title: string, error: BuildError, data: ProjectDocumentData | null) {
    console.error(`${title}: ${error.message}`, error.stack ?? '');
    const { summary, details } = describeBuildFailure(title, error, data ? firstInvalidField(data) : null, t, lang);
    modal.error({
      title: t('deliverables.failure.title'),
      width: 640,
      content: <BuildFailure summary={summary} details={details} />,
    });
  }

  async function generate(keys: DocumentTypeKey[], options: Options) {
    setDialog(null);
    try {
      for (const docType of keys) if (!(await generateOne(docType, options))) break;
    } finally {
      // Whatever happened, the page comes back usable: the progress bar goes, the buttons return.
      setProgress(null);
    }
  }

  /** Builds and saves one document; false when it stopped (data missing, or it could not be built). */
  async function generateOne(docType: DocumentTypeKey, options: Options): Promise<boolean> {
    const type = types.find((d) => d.key === docType)!;
    const period: DocumentPeriod | undefined = type.period
      ? fromPickerValue(type.period, options.periods?.[docType])
      : undefined;
    const title = documentTitle(type, period);
    let data: ProjectDocumentData | null = null;
    try {
      setProgress({ title, stage: 'collect' });
      data = await loadDocumentData(db, project.id);
      const exports = await db.documentExports.where('projectId').equals(project.id).toArray();
      const files = await loadDocumentFiles(db, filesNeeded(docType, data), project.id, syncHttpGetter(sync, api)());
      const now = nowIn(projectTimeZone(project));
      const { meta, record } = prepareExport({
        docType,
        project,
        exports,
        exportedBy: authorName(settings.userName),
        exportedAt: now,
        note: options.note,
        company: settings.companyName,
        classification: options.classification === 'byType' ? undefined : options.classification,
        period,
        revision: options.revision === 'auto' ? undefined : options.revision,
      });
      setProgress({ title, stage: 'build' });
      const template = options.useHouseTemplate ? await loadHouseTemplate(db) : null;
      const result = await renderInWorker({
        docType,
        data,
        meta,
        allowMissing: options.allowMissing,
        files,
        period,
        houseTemplate: template?.bytes,
      });
      if (!result.ok) {
        if ('missing' in result)
          modal.warning({
            title: t('deliverables.missingTitle', { title }),
            content: <GapList gaps={result.missing} />,
          });
        else showFailure(title, { message: result.error, stack: result.stack }, data);
        return false;
      }
      setProgress({ title, stage: 'save' });
      const saved = await api.saveFile({
        suggestedName: record.fileName,
        bytes: result.bytes,
        filters: [{ name: 'Word', extensions: ['docx'] }],
      });
      if (saved.status === 'saved') {
        await repo.create('documentExports', project.id, record);
        message.success(t('deliverables.saved', { title, version: versionText(record), path: saved.path }));
      }
      return true;
    } catch (error) {
      // Loading, preparing or saving threw (a build that throws comes back from the worker as a result).
      showFailure(
        title,
        error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) },
        data,
      );
      return false;
    }
  }

  // The latest issue of a type (any period): by time to the minute, then by version, as two
  // issues within one minute are told apart only by their versions.
  const lastExport = (key: string) =>
    (state?.exports ?? [])
      .filter((e) => e.docType === key)
      .sort((a, b) => b.exportedAt.localeCompare(a.exportedAt) || b.version - a.version || b.minor - a.minor)[0];
  const ready = documentTypes.filter((type) => state?.missing.get(type.key)?.length === 0).map((type) => type.key);
  const dialogTypes = (dialog ?? []).map((key) => types.find((type) => type.key === key)!);
  // Each export is registered as an issue (documentExports): only a role that may add one exports.
  const mayIssue = rights.may('create', 'documentExports');

  return (
    <div className="page">
      {/* The deliverables and their readiness; the register of issues below is a table of its own. */}
      <div data-testid="deliverables">
        <Space className="page-toolbar" wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('nav.deliverables')}
          </Typography.Title>
          <Button
            type="primary"
            icon={<FileWordOutlined />}
            disabled={ready.length === 0 || Boolean(progress) || !mayIssue}
            onClick={() => setDialog(ready)}
          >
            {t('deliverables.generateAll', { count: ready.length })}
          </Button>
        </Space>
        {!settings.companyName && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('deliverables.noCompany')} />
        )}
        {progress && (
          <Alert
            style={{ marginBottom: 12 }}
            type="info"
            data-testid="document-progress"
            message={
              <Space>
                {progress.title}
                <Progress percent={stagePercent[progress.stage]} size="small" style={{ width: 240 }} status="active" />
                {t(`deliverables.stage.${progress.stage}`)}
              </Space>
            }
          />
        )}
        <Table
          rowKey="key"
          loading={!state}
          dataSource={[...documentTypes]}
          pagination={false}
          columns={[
            {
              title: t('deliverables.document'),
              render: (_, type) => {
                const period = state?.periods.get(type.key);
                return (
                  <Space vertical size={0}>
                    <Typography.Text strong>{t(`deliverables.titles.${type.key}`)}</Typography.Text>
                    {period && (
                      <Typography.Text type="secondary" data-testid={`period-label-${type.key}`}>
                        {t('deliverables.periodCovered', {
                          period: lang.startsWith('en')
                            ? documentScope((type as DocumentType).period, period).replace('~', ' – ')
                            : documentPeriodLabel(type.key, period),
                        })}
                      </Typography.Text>
                    )}
                  </Space>
                );
              },
            },
            {
              title: t('deliverables.phase'),
              width: 200,
              render: (_, type) => pickLabel(projectPhases[type.phase], lang),
            },
            {
              title: t('deliverables.readiness'),
              width: 170,
              render: (_, type) => {
                const missing = state?.missing.get(type.key) ?? [];
                return missing.length === 0 ? (
                  <Tag icon={<CheckCircleFilled />} color="success">
                    {t('readiness.ready')}
                  </Tag>
                ) : (
                  <Popover content={<GapList gaps={missing} />} title={t('readiness.missing')}>
                    <Tag icon={<ExclamationCircleFilled />} color="warning" data-testid={`missing-${type.key}`}>
                      {t('deliverables.missingCount', { count: missing.length })}
                    </Tag>
                  </Popover>
                );
              },
            },
            {
              title: t('deliverables.lastVersion'),
              width: 260,
              render: (_, type) => {
                const last = lastExport(type.key);
                return last
                  ? `${versionText(last)} · ${pickLabel(documentStatuses[last.status], lang)} · ${last.exportedBy} · ${last.exportedAt.replace('T', ' ')}`
                  : '—';
              },
            },
            {
              title: t('common.actions'),
              width: 140,
              render: (_, type) => (
                <Button
                  size="small"
                  icon={<FileWordOutlined />}
                  disabled={Boolean(progress) || !mayIssue}
                  onClick={() => setDialog([type.key])}
                >
                  {t('deliverables.generate')}
                </Button>
              ),
            },
          ]}
        />
      </div>
      {state && <DocumentRegister project={project} exports={state.exports} />}
      <Modal
        open={dialog !== null}
        title={t('deliverables.generate')}
        footer={null}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form<Options>
          layout="vertical"
          initialValues={{
            note: '',
            classification: 'byType',
            allowMissing: false,
            revision: 'auto',
            useHouseTemplate: Boolean(houseTemplate),
            periods: Object.fromEntries(
              dialogTypes
                .filter((type) => type.period)
                .map((type) => [type.key, toPickerValue(type.period!, state?.periods.get(type.key))]),
            ),
          }}
          onFinish={(options) => void generate(dialog ?? [], options)}
        >
          <Typography.Paragraph>
            {dialogTypes
              .map((type) => t(`deliverables.titles.${type.key as DocumentTypeKey}`))
              .join(lang.startsWith('en') ? ', ' : '、')}
          </Typography.Paragraph>
          <PreIssueFindings
            projectId={project.id}
            findings={(state?.findings ?? []).filter((f) =>
              f.documents.some((d) => (dialog ?? []).includes(d as DocumentTypeKey)),
            )}
          />
          {dialogTypes
            .filter((type) => type.period)
            .map((type) => (
              <PeriodField key={type.key} type={type} data={state?.data} multiple={dialogTypes.length > 1} />
            ))}
          <Form.Item name="note" label={t('deliverables.note')}>
            <Input placeholder={t('deliverables.notePlaceholder')} />
          </Form.Item>
          <Form.Item name="revision" label={t('deliverables.revision.label')}>
            <Radio.Group
              options={(['auto', 'correction', 'reapproval'] as const).map((value) => ({
                value,
                label: t(`deliverables.revision.${value}`),
              }))}
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            />
          </Form.Item>
          <Form.Item name="classification" label={t('deliverables.classification')}>
            <Select
              options={[
                {
                  value: 'byType',
                  label: t('deliverables.classificationByType', {
                    value: [
                      ...new Set(
                        dialogTypes.map((type) =>
                          pickLabel(classifications[defaultClassification(type.key as DocumentTypeKey, project)], lang),
                        ),
                      ),
                    ].join(' / '),
                  }),
                },
                ...Object.entries(classifications).map(([value, label]) => ({ value, label: pickLabel(label, lang) })),
              ]}
            />
          </Form.Item>
          <Form.Item name="allowMissing" valuePropName="checked">
            <Checkbox>{t('deliverables.allowMissing')}</Checkbox>
          </Form.Item>
          {houseTemplate && (
            <Form.Item name="useHouseTemplate" valuePropName="checked">
              <Checkbox>{t('houseTemplate.use', { name: houseTemplate.name })}</Checkbox>
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit">
            {t('deliverables.generate')}
          </Button>
        </Form>
      </Modal>
    </div>
  );
}
