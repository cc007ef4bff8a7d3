import { Alert, Tooltip } from 'antd';
import { cloneElement, type ReactElement } from 'react';
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
}: {
  reason: string | undefined;
  children: ReactElement<{ disabled?: boolean }>;
}) {
  if (!reason) return children;
  return (
    <Tooltip title={reason}>
      <span data-role-disabled="" style={{ display: 'inline-block' }}>
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
