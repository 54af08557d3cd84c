import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useViewer } from '../auth/useAuth';
import { visibleNav } from '../nav/nav';

/**
 * Menu of the tenant's enabled modules and the pages the viewer's role may open.
 * `onNavigate` runs when an entry is chosen (the phone's drawer closes then).
 */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const viewer = useViewer();
  const items = visibleNav({ modules: viewer.tenant.modules, role: viewer.role });
  const selected = items
    .filter((i) => i.path === pathname || (i.path !== '/' && pathname.startsWith(`${i.path}/`)))
    .map((i) => i.path);

  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        className="shell-menu"
        onClick={() => onNavigate?.()}
        mode="inline"
        selectedKeys={selected}
        items={items.map((item) => ({
          key: item.path,
          label: (
            <Link to={item.path} data-testid={`nav-${item.key}`}>
              {t(item.labelKey)}
            </Link>
          ),
        }))}
      />
    </nav>
  );
}
