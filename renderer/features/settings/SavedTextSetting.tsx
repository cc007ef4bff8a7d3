import { Button, Form, Input, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One text setting typed into a field and kept only when 保存 is pressed: the button is off while
 * the text is what is stored, or while `invalid` gives a reason (shown under the field).
 */
export function SavedTextSetting(props: {
  id: string;
  label: ReactNode;
  extra?: ReactNode;
  stored: string;
  maxLength: number;
  type?: 'text' | 'tel';
  /** What is stored for the text typed (the phone number is trimmed; names are kept as typed). */
  normalize?: (typed: string) => string;
  /** Why the text cannot be saved, or undefined. */
  invalid?: (value: string) => string | undefined;
  onSave: (value: string) => void;
}): ReactNode {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(props.stored);
  const value = props.normalize ? props.normalize(typed) : typed;
  const problem = props.invalid?.(value);
  return (
    <Form.Item
      label={props.label}
      extra={props.extra}
      htmlFor={props.id}
      validateStatus={problem ? 'error' : undefined}
      help={problem}
    >
      <Space.Compact style={{ width: '100%' }}>
        <Input
          id={props.id}
          type={props.type}
          value={typed}
          maxLength={props.maxLength}
          onChange={(event) => setTyped(event.target.value)}
        />
        <Button
          type="primary"
          disabled={problem !== undefined || value === props.stored}
          onClick={() => props.onSave(value)}
        >
          {t('common.save')}
        </Button>
      </Space.Compact>
    </Form.Item>
  );
}
