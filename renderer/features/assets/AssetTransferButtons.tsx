import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, message } from 'antd';
import Dexie from 'dexie';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowOf } from '../../../shared/records';
import { useServices } from '../../app/services';
import { useProjectRights } from '../../app/use-project-rights';
import { ImportDialog } from './ImportDialog';

/** Import the inventory from a customer's spreadsheet; export it to .xlsx. */
export function AssetTransferButtons({ project }: { project: RowOf<'projects'> }) {
  const { api, db } = useServices();
  const mayImport = useProjectRights(project.id).may('create', 'assets');
  const { t } = useTranslation();
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  async function exportXlsx() {
    setExporting(true);
    try {
      const { exportAssetsXlsx } = await import('../../../shared/asset-import');
      const assets = await db.assets
        .where('[live+name]')
        .between([project.id, Dexie.minKey], [project.id, Dexie.maxKey])
        .toArray();
      const bytes = await exportAssetsXlsx(assets, { projectName: project.name });
      const result = await api.saveFile({
        suggestedName: `${project.code}-运维对象清单.xlsx`,
        bytes,
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
      });
      if (result.status === 'saved') message.success(t('assets.exported', { path: result.path }));
    } finally {
      setExporting(false);
    }
  }

  return (
    <>
      {mayImport && (
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          {t('assets.import')}
        </Button>
      )}
      <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
        {t('assets.export')}
      </Button>
      <ImportDialog project={project} open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
