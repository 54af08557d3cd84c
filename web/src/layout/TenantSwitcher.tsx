import { App, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth, useViewer } from '../auth/useAuth';

/** The current tenant; a select when the user belongs to more than one. */
export function TenantSwitcher() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { switchTenant } = useAuth();
  const viewer = useViewer();
  const [busy, setBusy] = useState(false);

  if (viewer.memberships.length <= 1) {
    return (
      <Typography.Text strong style={{ color: 'inherit' }} data-testid="tenant-name">
        {viewer.tenant.name}
      </Typography.Text>
    );
  }

  const onChange = async (tenantId: string) => {
    setBusy(true);
    try {
      const errors = await switchTenant(tenantId);
      if (errors) {
        message.error(errors.join(' ') || t('header.switchFailed'));
      } else {
        navigate('/');
      }
    } catch {
      message.error(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Select
      aria-label={t('header.tenant')}
      data-testid="tenant-switcher"
      value={viewer.tenant.id}
      loading={busy}
      disabled={busy}
      style={{ minWidth: 200, maxWidth: '100%' }}
      onChange={(id) => void onChange(id)}
      options={viewer.memberships.map((m) => ({ value: m.tenant.id, label: m.tenant.name }))}
    />
  );
}
