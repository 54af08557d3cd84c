import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/useAuth';

/** Renders its children for a signed-in viewer; otherwise a spinner, an error, or the login page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { status, reloadViewer, logout } = useAuth();
  const location = useLocation();

  if (status === 'anonymous') return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (status === 'loading') {
    return (
      <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
        <Spin size="large" aria-label={t('common.loading')} />
      </div>
    );
  }
  if (status === 'error') {
    return (
      <Result
        status="warning"
        title={t('common.networkError')}
        extra={[
          <Button key="retry" type="primary" onClick={() => void reloadViewer()}>
            {t('common.retry')}
          </Button>,
          <Button key="logout" onClick={() => void logout()}>
            {t('header.logout')}
          </Button>,
        ]}
      />
    );
  }
  return <>{children}</>;
}
