import { Alert, Tooltip } from 'antd';
import { cloneElement, type HTMLAttributes, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRole } from '../../shared/roles';
import { roleName } from '../i18n/role-refusal';

/**
 * A control the user's role may not use, disabled and saying why on hover (the reason from
 * useProjectRights().whyNot, in the UI language). The child must take `disabled`.
 */
export function RoleDisabled({
  reason,
  children,
  ...triggerProps
}: {
  reason: string | undefined;
  children: ReactElement<{ disabled?: boolean }>;
} & Record<string, unknown>) {
  // A Dropdown or Tooltip around this hands its trigger props (hover handlers, ref) to its child,
  // which is this component: pass them on, or the menu never opens.
  if (!reason) return cloneElement(children, triggerProps);
  return (
    <Tooltip title={reason}>
      <span
        data-role-disabled=""
        style={{ display: 'inline-block' }}
        {...(triggerProps as HTMLAttributes<HTMLSpanElement>)}
      >
        {cloneElement(children, { disabled: true })}
      </span>
    </Tooltip>
  );
}

/** The note on a page the role may only read. */
export function ReadOnlyNote({ role }: { role: MemberRole | undefined }) {
  const { t } = useTranslation();
  if (!role) return null;
  return (
    <Alert
      data-testid="read-only-note"
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      message={t('roles.readOnly', { role: roleName(role) })}
    />
  );
}
