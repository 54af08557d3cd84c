import { Button, Layout, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { useAuth, useViewer } from '../auth/useAuth';
import { LanguageSwitch } from './LanguageSwitch';
import { SideMenu } from './SideMenu';
import { TenantSwitcher } from './TenantSwitcher';

export function AppLayout() {
  const { t } = useTranslation();
  const { logout } = useAuth();
  const viewer = useViewer();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', color: '#fff', gap: 16 }}
      >
        <Space size="large">
          <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
            {t('app.name')}
          </Typography.Text>
          <TenantSwitcher />
        </Space>
        <Space size="middle">
          <LanguageSwitch />
          <span data-testid="viewer-name">{viewer.user?.name ?? viewer.user?.email}</span>
          <Button size="small" data-testid="logout" onClick={() => void logout()}>
            {t('header.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} theme="light" breakpoint="lg" collapsedWidth={0}>
          <SideMenu />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
