import { Alert, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  type DocumentPeriod,
  type DocumentType,
  type DocumentTypeKey,
  type ProjectDocumentData,
  monthPeriod,
} from '../../../shared/documents/catalogue';
import { GapList } from '../../components/GapList';

export type PeriodKind = NonNullable<DocumentType['period']>;
/** What the pickers hold: a day or a month (a Dayjs), or a range of days. */
export type PeriodValue = Dayjs | [Dayjs, Dayjs] | null | undefined;

const DAY = 'YYYY-MM-DD';

/** The picker's value for a period (the default period shown when the dialog opens). */
export function toPickerValue(kind: PeriodKind, period: DocumentPeriod | null | undefined): PeriodValue {
  if (!period) return null;
  return kind === 'range' ? [dayjs(period.from), dayjs(period.to)] : dayjs(period.from);
}

/** The period a picker's value stands for: a day, the whole calendar month, or the range, as local dates. */
export function fromPickerValue(kind: PeriodKind, value: PeriodValue): DocumentPeriod | undefined {
  if (!value) return undefined;
  if (Array.isArray(value)) return { from: value[0].format(DAY), to: value[1].format(DAY) };
  if (kind === 'month') return monthPeriod(value.format('YYYY-MM'));
  return { from: value.format(DAY), to: value.format(DAY) };
}

/**
 * The period of a periodic document in the generate dialog — a day, a month or a range picker —
 * and, under it, what the document still lacks for the period chosen, so a day without patrol
 * entries is seen before generating.
 */
export function PeriodField({
  type,
  data,
  multiple,
}: {
  type: DocumentType;
  data: ProjectDocumentData | undefined;
  multiple: boolean;
}) {
  const { t } = useTranslation();
  const kind = type.period!;
  const name = ['periods', type.key];
  const value = Form.useWatch(name) as PeriodValue;
  const period = fromPickerValue(kind, value);
  const missing = data && period ? type.missing(data, period) : [];
  const label = multiple
    ? t('deliverables.periodOf', { title: t(`deliverables.titles.${type.key as DocumentTypeKey}`) })
    : t(`deliverables.periodKind.${kind}`);
  return (
    <>
      <Form.Item
        name={name}
        label={label}
        extra={t('deliverables.periodDefault')}
        style={{ marginBottom: missing.length ? 8 : undefined }}
      >
        {kind === 'range' ? (
          <DatePicker.RangePicker allowClear={false} data-testid={`period-${type.key}`} />
        ) : (
          <DatePicker
            picker={kind === 'month' ? 'month' : 'date'}
            allowClear={false}
            data-testid={`period-${type.key}`}
          />
        )}
      </Form.Item>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('deliverables.periodMissing')}
          description={<GapList gaps={missing} />}
        />
      )}
    </>
  );
}
