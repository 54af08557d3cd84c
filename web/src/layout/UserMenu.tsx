import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth, useViewer } from '../auth/useAuth';

/** The signed-in person: a button with their name opening their email and "Log out". */
export function UserMenu() {
  const { t } = useTranslation();
  const { logout } = useAuth();
  const viewer = useViewer();
  const name = viewer.user?.name ?? viewer.user?.email ?? '';
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'email', label: viewer.user?.email, disabled: true },
          { type: 'divider' },
          { key: 'logout', label: <span data-testid="logout">{t('header.logout')}</span> },
        ],
        onClick: ({ key }) => {
          if (key === 'logout') void logout();
        },
      }}
    >
      <Button data-testid="user-menu" aria-label={t('header.userMenu', { name })} icon={<UserOutlined />}>
        <span className="shell-user-name" data-testid="viewer-name">
          {name}
        </span>
        <DownOutlined />
      </Button>
    </Dropdown>
  );
}
