import { Select } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { defaultMetricCatalogue, metricText } from '../../shared/operations/thresholds';
import { useServices } from '../app/services';
import { useRecordFormContext } from './record-form-context';

interface MetricKeysSelectProps {
  value?: string[];
  onChange?(value: string[]): void;
  disabled?: boolean;
  id?: string;
  language: string;
  'aria-label'?: string;
}

/**
 * Picks the metrics a patrol reads by their names (CPU 使用率), never by their keys
 * (cpu.usedPercent): the default catalogue's metrics and the project's own from its service
 * design. A key no list knows (typed earlier, or from another device) is kept and shown as is.
 */
export function MetricKeysSelect({ value, onChange, disabled, id, language, ...rest }: MetricKeysSelectProps) {
  const { db } = useServices();
  const { projectId } = useRecordFormContext();
  const own = useLiveQuery(
    async () => (projectId ? ((await db.serviceDesign.get(projectId))?.thresholds ?? []) : []),
    [projectId],
  );
  const labels = new Map<string, string[]>();
  const add = (key: string, label: string) => {
    const names = labels.get(key) ?? [];
    if (label && !names.includes(label)) names.push(label);
    labels.set(key, names);
  };
  for (const defs of Object.values(defaultMetricCatalogue))
    for (const def of defs) add(def.key, metricText(def.label, language));
  for (const threshold of own ?? []) add(threshold.key, metricText(threshold.label, language));
  for (const key of value ?? []) if (!labels.has(key)) add(key, key);
  const options = [...labels].map(([key, names]) => ({ value: key, label: names.join(' / ') || key }));
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      disabled={disabled}
      mode="multiple"
      allowClear
      showSearch
      optionFilterProp="label"
      value={value ?? []}
      onChange={(next: string[]) => onChange?.(next)}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
