import { Alert, Button, Descriptions, Modal, Select, Space, Steps, Table, Tag, Typography, message } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssetField, AssetImportPlan, ColumnGuess, SheetGrid } from '../../../shared/asset-import';
import type { RowOf } from '../../../shared/records';
import { assetFields } from '../../../shared/records/asset';
import { useServices } from '../../app/services';
import type { WriteOp } from '../../data/repository';
import { fieldTitle } from '../../i18n';

// exceljs is large: load the import code only when someone imports.
const loadImporter = () => import('../../../shared/asset-import');

interface Loaded {
  file: { name: string; bytes: Uint8Array };
  grid: SheetGrid;
  guess: ColumnGuess;
  mapping: Array<AssetField | null>;
}

/** Import assets from a customer's .xlsx or .csv: check the guessed columns, preview, import. */
export function ImportDialog({ project, open, onClose }: { project: RowOf<'projects'>; open: boolean; onClose(): void }) {
  const { api, db, repo } = useServices();
  const { t, i18n } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>();
  const [plan, setPlan] = useState<AssetImportPlan>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const step = plan ? 2 : loaded ? 1 : 0;

  function reset() {
    setLoaded(undefined);
    setPlan(undefined);
    setError(undefined);
  }

  async function pick(sheetIndex?: number, file?: { name: string; bytes: Uint8Array }) {
    setError(undefined);
    const chosen = file ?? (await api.openFiles({ filters: [{ name: 'Excel / CSV', extensions: ['xlsx', 'csv', 'txt'] }] }))[0];
    if (!chosen) return;
    setBusy(true);
    try {
      const importer = await loadImporter();
      const grid = await importer.readSpreadsheet(chosen.bytes, chosen.name, sheetIndex === undefined ? {} : { sheetIndex });
      const guess = importer.guessColumns(grid);
      setLoaded({ file: chosen, grid, guess, mapping: [...guess.mapping] });
      setPlan(undefined);
    } catch (failure) {
      setError(t('importer.readFailed', { message: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setBusy(false);
    }
  }

  async function preview() {
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
      setPlan(importer.planAssetImport(project.id, parsed, existing));
    } finally {
      setBusy(false);
    }
  }

  async function run() {
    if (!plan) return;
    setBusy(true);
    try {
      await repo.writeMany(plan.ops as WriteOp[]);
      message.success(
        t('importer.done', { created: plan.summary.create, updated: plan.summary.update, unchanged: plan.summary.unchanged }),
      );
      reset();
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  const fieldOptions = useMemo(
    () => [
      { value: '', label: t('importer.ignore') },
      ...Object.keys(assetFields.shape).map((field) => ({ value: field, label: fieldTitle('assets', field, i18n.language) })),
    ],
    [t, i18n.language],
  );

  return (
    <Modal
      open={open}
      width={960}
      title={t('importer.title')}
      onCancel={() => {
        reset();
        onClose();
      }}
      footer={null}
      destroyOnHidden
    >
      <Steps size="small" current={step} items={[{ title: t('importer.pick') }, { title: t('importer.mapping') }, { title: t('importer.preview') }]} style={{ marginBottom: 16 }} />
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
                loaded.grid.sheetNames[0] ?? '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('importer.header')}>{t('importer.headerRow', { row: loaded.guess.headerRowIndex + 1 })}</Descriptions.Item>
          </Descriptions>
          {loaded.guess.unmapped.length > 0 && (
            <Alert type="info" showIcon message={t('importer.unmapped', { columns: loaded.guess.unmapped.map((c) => c.header || `#${c.index + 1}`).join('、') })} />
          )}
          <Table
            size="small"
            rowKey="index"
            pagination={false}
            scroll={{ y: 360 }}
            data-testid="import-mapping"
            dataSource={loaded.guess.columns}
            columns={[
              { title: t('importer.column'), dataIndex: 'header', render: (header: string, column) => header || `#${column.index + 1}` },
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
            <Button type="primary" loading={busy} onClick={() => void preview()}>
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
            {plan.errors.length > 0 && <Tag color="red">{t('importer.badRows', { count: plan.errors.length })}</Tag>}
          </Space>
          {plan.errors.length > 0 && (
            <Table
              size="small"
              rowKey="rowNumber"
              data-testid="import-errors"
              pagination={{ pageSize: 8 }}
              dataSource={plan.errors}
              columns={[
                { title: t('importer.rowNumber'), dataIndex: 'rowNumber', width: 80 },
                { title: t('importer.reason'), dataIndex: 'reasons', render: (reasons: string[]) => reasons.join('；') },
              ]}
            />
          )}
          <Space>
            <Button onClick={() => setPlan(undefined)}>{t('common.back')}</Button>
            <Button type="primary" loading={busy} disabled={plan.ops.length === 0} onClick={() => void run()}>
              {t('importer.run')}
            </Button>
          </Space>
        </Space>
      )}
    </Modal>
  );
}
