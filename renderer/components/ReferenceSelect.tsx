import { Select } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { isTableName, recordTypes } from '../../shared/records';
import { useServices } from '../app/services';
import { useRecordFormContext } from './record-form-context';
import { naturalCompare } from '../../shared/natural-compare';

interface ReferenceSelectProps {
  refTable: string;
  multiple: boolean;
  value?: string | string[];
  onChange?(value: string | string[]): void;
  disabled?: boolean;
  id?: string;
}

/** Picks one or more records of the project (an asset, a survey session …) by their title. */
export function ReferenceSelect({ refTable, multiple, value, onChange, disabled, id }: ReferenceSelectProps) {
  const { db } = useServices();
  const { projectId } = useRecordFormContext();
  const options = useLiveQuery(async () => {
    if (!isTableName(refTable)) return [];
    const type = recordTypes[refTable];
    const rows = await db
      .table(refTable)
      .where('projectId')
      .equals(projectId)
      .filter((row) => !row.deleted)
      .toArray();
    return rows
      .map((row) => ({
        value: row.id as string,
        label: (type.title as (r: unknown) => string)(row),
        search: searchTextOf(row),
      }))
      .sort((a, b) => naturalCompare(a.label, b.label));
  }, [refTable, projectId]);
  return (
    <Select
      id={id}
      disabled={disabled}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      // An engineer at the rack knows a server by its hostname or IP as often as by its name.
      showSearch={{ optionFilterProp: ['label', 'search'] }}
      value={multiple ? (value ?? []) : value || undefined}
      onChange={(next) => onChange?.(next ?? (multiple ? [] : ''))}
      options={options ?? []}
      loading={options === undefined}
      style={{ width: '100%' }}
      virtual
    />
  );
}

/** What else a row is found by: an asset's hostname, IP addresses and serial number. */
function searchTextOf(row: Record<string, unknown>): string {
  const ips = Array.isArray(row.ips) ? row.ips.join(' ') : '';
  return [row.hostname, ips, row.serialNumber].filter((part) => typeof part === 'string' && part !== '').join(' ');
}
