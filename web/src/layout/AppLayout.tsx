import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { LanguageSwitch } from './LanguageSwitch';
import { SideMenu } from './SideMenu';
import { TenantSwitcher } from './TenantSwitcher';
import { UserMenu } from './UserMenu';
import './shell.css';

/**
 * The signed-in shell. From a tablet up: the menu beside the content. On a phone (below
 * antd's `md`, 768 px): the menu in a drawer behind a button, the tenant on a row of its own,
 * and nothing wider than the screen (tables scroll inside their card).
 */
export function AppLayout() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  // Unknown on the first render: lay out for a wide screen until the width is measured.
  const phone = screens.md === false;
  const [menuOpen, setMenuOpen] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className={phone ? 'shell-header shell-phone' : 'shell-header'}>
        {phone && (
          <Button
            type="text"
            icon={<MenuOutlined style={{ color: '#fff' }} />}
            aria-label={t('header.openMenu')}
            aria-expanded={menuOpen}
            data-testid="nav-open"
            onClick={() => setMenuOpen(true)}
          />
        )}
        <span className="shell-brand">{t('app.name')}</span>
        <div className="shell-tenant">
          <TenantSwitcher />
        </div>
        <div className="shell-tools">
          <LanguageSwitch />
          <UserMenu />
        </div>
      </Layout.Header>
      <Layout className="shell-body">
        {!phone && (
          <Layout.Sider width={220} theme="light">
            <SideMenu />
          </Layout.Sider>
        )}
        <Layout.Content className="shell-content" style={{ padding: phone ? 12 : 24 }}>
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
      {phone && (
        <Drawer
          placement="left"
          width={260}
          title={t('app.name')}
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          styles={{ body: { padding: 0 } }}
          rootClassName="shell-drawer"
        >
          <SideMenu onNavigate={() => setMenuOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
