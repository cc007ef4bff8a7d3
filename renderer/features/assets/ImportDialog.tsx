import { Alert, Button, Descriptions, Modal, Select, Space, Steps, Table, Tag, Typography, message } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AssetField,
  AssetImportPlan,
  ColumnGuess,
  ExistingAsset,
  ImportChoice,
  ParsedAssetRows,
  PlannedRow,
  SheetGrid,
  planAssetImport,
} from '../../../shared/asset-import';
import type { RowOf } from '../../../shared/records';
import { assetFields } from '../../../shared/records/asset';
import { useServices } from '../../app/services';
import { formatFieldValue } from '../../components/field-widget';
import type { WriteOp } from '../../data/repository';
import { fieldTitle } from '../../i18n';
import { localizeImportReason } from './import-reasons';

// exceljs is large: load the import code only when someone imports.
const loadImporter = () => import('../../../shared/asset-import');

interface Loaded {
  file: { name: string; bytes: Uint8Array };
  grid: SheetGrid;
  guess: ColumnGuess;
  mapping: Array<AssetField | null>;
}

/** What the preview re-plans from when the user changes a choice. */
interface Preview {
  parsed: ParsedAssetRows;
  existing: ExistingAsset[];
  choices: Record<number, ImportChoice>;
  plan: AssetImportPlan;
  planner: typeof planAssetImport;
}

/** Rows of a long list are named up to here, then counted. */
const LISTED_ROWS = 20;

/** Import assets from a customer's .xlsx or .csv: check the guessed columns, preview, import. */
export function ImportDialog({
  project,
  open,
  onClose,
}: {
  project: RowOf<'projects'>;
  open: boolean;
  onClose(): void;
}) {
  const { api, db, repo } = useServices();
  const { t, i18n } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>();
  const [preview, setPreview] = useState<Preview>();
  const plan = preview?.plan;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const step = plan ? 2 : loaded ? 1 : 0;

  function reset() {
    setLoaded(undefined);
    setPreview(undefined);
    setError(undefined);
  }

  async function pick(sheetIndex?: number, file?: { name: string; bytes: Uint8Array }) {
    setError(undefined);
    const chosen =
      file ?? (await api.openFiles({ filters: [{ name: 'Excel / CSV', extensions: ['xlsx', 'csv', 'txt'] }] }))[0];
    if (!chosen) return;
    setBusy(true);
    try {
      const importer = await loadImporter();
      try {
        const grid = await importer.readSpreadsheet(
          chosen.bytes,
          chosen.name,
          sheetIndex === undefined ? {} : { sheetIndex },
        );
        const guess = importer.guessColumns(grid);
        setLoaded({ file: chosen, grid, guess, mapping: [...guess.mapping] });
        setPreview(undefined);
      } catch (failure) {
        // The reader's own reasons in the UI language; anything else is wrapped as before.
        if (failure instanceof importer.SpreadsheetReadError) {
          const { fileName = chosen.name, sheet = 0, count = 0 } = failure.params;
          setError(
            t(`importer.readError.${failure.code}`, {
              fileName: String(fileName),
              sheet: Number(sheet),
              count: Number(count),
            }),
          );
        } else
          setError(t('importer.readFailed', { message: failure instanceof Error ? failure.message : String(failure) }));
      }
    } finally {
      setBusy(false);
    }
  }

  async function showPreview() {
    if (!loaded) return;
    setBusy(true);
    try {
      const importer = await loadImporter();
      const parsed = importer.parseAssetRows(loaded.grid, {
        headerRowIndex: loaded.guess.headerRowIndex,
        headerRowCount: loaded.guess.headerRowCount,
        mapping: loaded.mapping,
      });
      // Matching needs the whole inventory once: import is a batch operation over all of it.
      const existing = await db.assets.where('projectId').equals(project.id).toArray();
      const planner = importer.planAssetImport;
      setPreview({ parsed, existing, choices: {}, plan: planner(project.id, parsed, existing), planner });
    } finally {
      setBusy(false);
    }
  }

  function choose(rowNumber: number, choice: ImportChoice) {
    if (!preview) return;
    const choices = { ...preview.choices, [rowNumber]: choice };
    setPreview({ ...preview, choices, plan: preview.planner(project.id, preview.parsed, preview.existing, choices) });
  }

  async function run() {
    if (!plan) return;
    setBusy(true);
    try {
      await repo.writeMany(plan.ops as WriteOp[]);
      message.success(
        t('importer.done', {
          created: plan.summary.create,
          updated: plan.summary.update,
          unchanged: plan.summary.unchanged,
        }),
      );
      reset();
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  const rowList = (rows: number[]) => {
    const listed = rows.slice(0, LISTED_ROWS).join(t('importer.rowListSeparator'));
    return rows.length > LISTED_ROWS ? t('importer.moreRows', { rows: listed, count: rows.length }) : listed;
  };
  const format = (field: AssetField, value: unknown) =>
    formatFieldValue(assetFields.shape[field], value, i18n.language);
  const label = (field: AssetField) => fieldTitle('assets', field, i18n.language);
  const duplicateRows = plan?.rows.filter((row) => row.duplicate?.kind === 'row') ?? [];
  const changedRows = plan?.rows.filter((row) => row.duplicate?.kind === 'asset') ?? [];
  const totalsRows = preview?.parsed.skipped.filter((row) => row.reason === 'totals').map((row) => row.rowNumber) ?? [];
  const choiceSelect = (row: PlannedRow) => (
    <Select
      size="small"
      style={{ width: 250 }}
      aria-label={t('importer.choiceFor', { row: row.rowNumber })}
      value={row.choice}
      onChange={(choice: ImportChoice) => choose(row.rowNumber, choice)}
      options={(row.choices ?? []).map((choice) => ({ value: choice, label: choiceLabel(t, row, choice) }))}
    />
  );

  const fieldOptions = useMemo(
    () => [
      { value: '', label: t('importer.ignore') },
      ...Object.keys(assetFields.shape).map((field) => ({
        value: field,
        label: fieldTitle('assets', field, i18n.language),
      })),
    ],
    [t, i18n.language],
  );

  return (
    <Modal
      open={open}
      width={1040}
      title={t('importer.title')}
      onCancel={() => {
        reset();
        onClose();
      }}
      footer={null}
      destroyOnHidden
    >
      <Steps
        size="small"
        current={step}
        items={[{ title: t('importer.pick') }, { title: t('importer.mapping') }, { title: t('importer.preview') }]}
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {step === 0 && (
        <Space direction="vertical">
          <Typography.Paragraph type="secondary">{t('importer.pickHint')}</Typography.Paragraph>
          <Button type="primary" loading={busy} onClick={() => void pick()}>
            {t('importer.pick')}
          </Button>
        </Space>
      )}
      {step === 1 && loaded && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('importer.file')}>{loaded.file.name}</Descriptions.Item>
            <Descriptions.Item label={t('importer.sheet')}>
              {loaded.grid.sheetNames.length > 1 ? (
                <Select
                  size="small"
                  value={loaded.grid.sheetIndex}
                  onChange={(index) => void pick(index, loaded.file)}
                  options={loaded.grid.sheetNames.map((name, index) => ({ value: index, label: name }))}
                />
              ) : (
                (loaded.grid.sheetNames[0] ?? '—')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('importer.header')}>
              {t('importer.headerRow', { row: loaded.guess.headerRowIndex + 1 })}
            </Descriptions.Item>
          </Descriptions>
          {loaded.guess.unmapped.length > 0 && (
            <Alert
              type="info"
              showIcon
              message={t('importer.unmapped', {
                columns: loaded.guess.unmapped.map((c) => c.header || `#${c.index + 1}`).join('、'),
              })}
            />
          )}
          <Table
            size="small"
            rowKey="index"
            pagination={false}
            scroll={{ y: 360 }}
            data-testid="import-mapping"
            dataSource={loaded.guess.columns}
            columns={[
              {
                title: t('importer.column'),
                dataIndex: 'header',
                render: (header: string, column) => header || `#${column.index + 1}`,
              },
              {
                title: t('importer.sample'),
                render: (_, column) => (
                  <Typography.Text type="secondary" ellipsis>
                    {loaded.grid.rows[loaded.guess.headerRowIndex + loaded.guess.headerRowCount]?.[column.index] ?? ''}
                  </Typography.Text>
                ),
              },
              {
                title: t('importer.field'),
                width: 240,
                render: (_, column) => (
                  <Select
                    style={{ width: 220 }}
                    aria-label={`${t('importer.field')} ${column.header}`}
                    value={loaded.mapping[column.index] ?? ''}
                    options={fieldOptions}
                    onChange={(value: string) => {
                      const mapping = [...loaded.mapping];
                      mapping[column.index] = (value || null) as AssetField | null;
                      setLoaded({ ...loaded, mapping });
                    }}
                  />
                ),
              },
            ]}
          />
          <Space>
            <Button onClick={reset}>{t('common.back')}</Button>
            <Button type="primary" loading={busy} onClick={() => void showPreview()}>
              {t('common.next')}
            </Button>
          </Space>
        </Space>
      )}
      {step === 2 && plan && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap data-testid="import-summary">
            <Tag color="green">{t('importer.willCreate', { count: plan.summary.create })}</Tag>
            <Tag color="blue">{t('importer.willUpdate', { count: plan.summary.update })}</Tag>
            <Tag>{t('importer.unchanged', { count: plan.summary.unchanged })}</Tag>
            {plan.summary.merged > 0 && (
              <Tag color="cyan">{t('importer.willMerge', { count: plan.summary.merged })}</Tag>
            )}
            {plan.summary.skipped > 0 && (
              <Tag color="orange">{t('importer.willSkip', { count: plan.summary.skipped })}</Tag>
            )}
            {plan.errors.length > 0 && <Tag color="red">{t('importer.badRows', { count: plan.errors.length })}</Tag>}
            {totalsRows.length > 0 && <Tag>{t('importer.totalsTag', { count: totalsRows.length })}</Tag>}
          </Space>
          {duplicateRows.length > 0 && (
            <>
              <Typography.Text strong>{t('importer.duplicates', { count: duplicateRows.length })}</Typography.Text>
              <Typography.Text type="secondary">{t('importer.duplicatesHint')}</Typography.Text>
              <Table
                size="small"
                rowKey="rowNumber"
                data-testid="import-duplicates"
                pagination={duplicateRows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                dataSource={duplicateRows}
                columns={[
                  { title: t('importer.rowNumber'), dataIndex: 'rowNumber', width: 70 },
                  { title: label('name'), dataIndex: 'name', width: 180 },
                  {
                    title: t('importer.reason'),
                    render: (_, row: PlannedRow) => {
                      const duplicate = row.duplicate?.kind === 'row' ? row.duplicate : undefined;
                      if (!duplicate) return null;
                      return (
                        <Space direction="vertical" size={0}>
                          <span>{t(`importer.duplicateBy.${duplicate.by}`, { row: duplicate.rowNumber })}</span>
                          {duplicate.conflicts.length > 0 && (
                            <Typography.Text type="warning">
                              {t('importer.conflictsLead')}
                              {duplicate.conflicts
                                .map((c) =>
                                  t('importer.conflict', {
                                    field: label(c.field),
                                    kept: format(c.field, c.kept),
                                    dropped: format(c.field, c.dropped),
                                  }),
                                )
                                .join(t('importer.rowListSeparator'))}
                            </Typography.Text>
                          )}
                        </Space>
                      );
                    },
                  },
                  { title: t('importer.choice'), width: 270, render: (_, row: PlannedRow) => choiceSelect(row) },
                ]}
              />
            </>
          )}
          {changedRows.length > 0 && (
            <>
              <Typography.Text strong>{t('importer.changes', { count: changedRows.length })}</Typography.Text>
              <Table
                size="small"
                rowKey="rowNumber"
                data-testid="import-changes"
                pagination={changedRows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                dataSource={changedRows}
                columns={[
                  { title: t('importer.rowNumber'), dataIndex: 'rowNumber', width: 70 },
                  {
                    title: t('importer.existingAsset'),
                    width: 200,
                    render: (_, row: PlannedRow) => (
                      <Space direction="vertical" size={0}>
                        <span>{row.name}</span>
                        {row.duplicate?.kind === 'asset' && (
                          <Typography.Text type="secondary">
                            {t(`importer.matchedBy.${row.duplicate.by}`)}
                          </Typography.Text>
                        )}
                        {row.mergedRows.length > 0 && (
                          <Typography.Text type="secondary">
                            {t('importer.withRows', { rows: rowList(row.mergedRows) })}
                          </Typography.Text>
                        )}
                      </Space>
                    ),
                  },
                  {
                    title: t('importer.changedFields'),
                    render: (_, row: PlannedRow) => (
                      <ul className="import-changes" style={{ margin: 0, paddingInlineStart: 16 }}>
                        {row.changes.map((change) => (
                          <li key={change.field}>
                            <Typography.Text type="secondary">
                              {t('importer.changeField', { field: label(change.field) })}
                            </Typography.Text>
                            <Typography.Text delete>{format(change.field, change.from)}</Typography.Text>
                            {' → '}
                            <Typography.Text>{format(change.field, change.to)}</Typography.Text>
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                  { title: t('importer.choice'), width: 270, render: (_, row: PlannedRow) => choiceSelect(row) },
                ]}
              />
            </>
          )}
          {plan.errors.length > 0 && (
            <Table
              size="small"
              rowKey="rowNumber"
              data-testid="import-errors"
              pagination={{ pageSize: 8 }}
              dataSource={plan.errors}
              columns={[
                { title: t('importer.rowNumber'), dataIndex: 'rowNumber', width: 80 },
                {
                  title: t('importer.reason'),
                  dataIndex: 'reasons',
                  render: (reasons: string[]) =>
                    reasons
                      .map((reason) => localizeImportReason(reason, i18n.language))
                      .join(t('importer.reasonSeparator')),
                },
              ]}
            />
          )}
          {totalsRows.length > 0 && (
            <Typography.Text type="secondary" data-testid="import-totals">
              {t('importer.totalsSkipped', { rows: rowList(totalsRows) })}
            </Typography.Text>
          )}
          <Space>
            <Button onClick={() => setPreview(undefined)}>{t('common.back')}</Button>
            <Button type="primary" loading={busy} disabled={plan.ops.length === 0} onClick={() => void run()}>
              {t('importer.run')}
            </Button>
          </Space>
        </Space>
      )}
    </Modal>
  );
}

function choiceLabel(t: TFunction, row: PlannedRow, choice: ImportChoice): string {
  if (choice === 'create') return t('importer.choiceCreate');
  if (choice === 'skip') return t('importer.choiceSkip');
  return row.duplicate?.kind === 'asset'
    ? t('importer.choiceUpdate', { name: row.duplicate.assetName })
    : t('importer.choiceMergeRow', { row: row.duplicate?.rowNumber ?? 0 });
}
