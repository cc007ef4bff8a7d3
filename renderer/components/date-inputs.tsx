import { DatePicker, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nowIn, todayIn } from '../../shared/date-time';
import { useProjectTimeZone } from '../features/projects/use-project-time';

dayjs.extend(customParseFormat);

/**
 * Date, date-time, time and month inputs: antd pickers (their texts from the ConfigProvider
 * locale, zh_CN or en_US), never the browser's native inputs, which follow the browser's locale
 * (mm/dd/yyyy, AM/PM on an English browser). Values stay the stored strings:
 *   date 'YYYY-MM-DD', date-time 'YYYY-MM-DDTHH:mm' (shown 'YYYY-MM-DD HH:mm'), time 'HH:mm',
 *   month 'YYYY-MM'; '' when empty.
 * They are wall times: the pickers only format and parse text, no instant and no browser zone is
 * involved. 今天 / 此刻 in the panel are today and now in the PROJECT's zone (shared/date-time.ts),
 * not the browser's. Typing works in the usual forms (2026-12-07, 2026/12/7, 20261207) and Enter
 * takes the value.
 */

const DATE = 'YYYY-MM-DD';
const DATE_INPUTS = [DATE, 'YYYY/MM/DD', 'YYYY/M/D', 'YYYY-M-D', 'YYYY.MM.DD', 'YYYYMMDD'];
const DATE_TIME_STORED = 'YYYY-MM-DDTHH:mm';
const DATE_TIME_INPUTS = ['YYYY-MM-DD HH:mm', DATE_TIME_STORED, 'YYYY/MM/DD HH:mm', 'YYYY/M/D H:mm', 'YYYY-M-D H:mm'];
const TIME = 'HH:mm';
const TIME_INPUTS = [TIME, 'H:mm', 'HHmm'];
const MONTH = 'YYYY-MM';
const MONTH_INPUTS = [MONTH, 'YYYY/MM', 'YYYY/M', 'YYYYMM'];

export interface StringPickerProps {
  id?: string;
  value?: string | null;
  onChange?(value: string): void;
  onBlur?(): void;
  disabled?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  className?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

/** A stored string as the picker's value: null for '' or text that is not in the stored form. */
export function pickerValue(value: unknown, format: string): Dayjs | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = dayjs(value.trim(), format, true);
  return parsed.isValid() ? parsed : null;
}

function usePickerOpen() {
  const [open, setOpen] = useState(false);
  return { open, onOpenChange: setOpen, close: () => setOpen(false) };
}

function FooterLink({ label, onClick }: { label: string; onClick(): void }): ReactNode {
  return (
    <a className="picker-zone-now" onClick={onClick}>
      {label}
    </a>
  );
}

function common(props: StringPickerProps) {
  return {
    id: props.id,
    disabled: props.disabled,
    placeholder: props.placeholder,
    allowClear: props.allowClear ?? true,
    style: props.style,
    className: props.className,
    onBlur: props.onBlur,
    'aria-label': props['aria-label'],
    'data-testid': props['data-testid'],
  };
}

/** A calendar date, 'YYYY-MM-DD'. */
export function DateInput(props: StringPickerProps): ReactNode {
  const { t } = useTranslation();
  const zone = useProjectTimeZone();
  const { open, onOpenChange, close } = usePickerOpen();
  return (
    <DatePicker
      {...common(props)}
      value={pickerValue(props.value, DATE)}
      format={DATE_INPUTS}
      open={open}
      onOpenChange={onOpenChange}
      showNow={false}
      renderExtraFooter={() => (
        <FooterLink
          label={t('dateTime.today')}
          onClick={() => {
            props.onChange?.(todayIn(zone));
            close();
          }}
        />
      )}
      onChange={(next: Dayjs | null) => props.onChange?.(next ? next.format(DATE) : '')}
    />
  );
}

/** A wall time in the project's zone, stored 'YYYY-MM-DDTHH:mm', shown 'YYYY-MM-DD HH:mm' on a 24-hour clock. */
export function DateTimeInput(props: StringPickerProps): ReactNode {
  const { t } = useTranslation();
  const zone = useProjectTimeZone();
  const { open, onOpenChange, close } = usePickerOpen();
  return (
    <DatePicker
      {...common(props)}
      value={pickerValue(props.value, DATE_TIME_STORED)}
      format={DATE_TIME_INPUTS}
      showTime={{ format: TIME }}
      needConfirm={false}
      open={open}
      onOpenChange={onOpenChange}
      showNow={false}
      renderExtraFooter={() => (
        <FooterLink
          label={t('dateTime.now')}
          onClick={() => {
            props.onChange?.(nowIn(zone));
            close();
          }}
        />
      )}
      onChange={(next: Dayjs | null) => props.onChange?.(next ? next.format(DATE_TIME_STORED) : '')}
    />
  );
}

/** A time of day, 'HH:mm', 24-hour. */
export function TimeInput(props: StringPickerProps): ReactNode {
  return (
    <TimePicker
      {...common(props)}
      value={pickerValue(props.value, TIME)}
      format={TIME_INPUTS}
      needConfirm={false}
      showNow={false}
      onChange={(next: Dayjs | null) => props.onChange?.(next ? next.format(TIME) : '')}
    />
  );
}

/** A calendar month, 'YYYY-MM'. */
export function MonthInput(props: StringPickerProps): ReactNode {
  return (
    <DatePicker
      {...common(props)}
      picker="month"
      value={pickerValue(props.value, MONTH)}
      format={MONTH_INPUTS}
      onChange={(next: Dayjs | null) => props.onChange?.(next ? next.format(MONTH) : '')}
    />
  );
}
