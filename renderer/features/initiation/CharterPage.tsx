import { Card, Table, Typography } from 'antd';
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import type { RowOf } from '../../../shared/records';
import { memberRoles } from '../../../shared/records/member';
import { useServices } from '../../app/services';
import { SingletonCard } from '../../components/SingletonForm';
import { fieldTitle, pickLabel } from '../../i18n';

/** 项目章程: objectives, scope, organisation (the project team), responsibilities, communication. */
export function CharterPage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { db } = useServices();
  const { t, i18n } = useTranslation();
  const members = useLiveQuery(
    () => db.members.where('[live+name]').between([project.id, Dexie.minKey], [project.id, Dexie.maxKey]).toArray(),
    [project.id],
  );
  const title = (field: string) => fieldTitle('members', field, i18n.language);
  return (
    <div className="page">
      <SingletonCard table="charter" projectId={project.id} title={t('nav.charter')} testId="charter" />
      <Card title={t('team.title')} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{t('initiation.teamFromProject')}</Typography.Paragraph>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={members ?? []}
          columns={[
            { title: title('name'), dataIndex: 'name' },
            { title: title('role'), render: (_, m) => pickLabel(memberRoles[m.role], i18n.language) },
            { title: title('duties'), dataIndex: 'duties' },
            { title: title('authority'), dataIndex: 'authority' },
          ]}
        />
      </Card>
    </div>
  );
}
