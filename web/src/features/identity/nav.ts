import type { NavItem } from '../../nav/nav';
import { ADMINS } from '../../nav/roles';

/** Identity pages and the roles that may open them (registered in `src/nav/access.ts`). */
export const IDENTITY_PAGES = {
  members: ADMINS,
  apiClients: ADMINS,
  settings: ADMINS,
} as const;

/** Identity menu entries (registered in `src/nav/nav.ts`); `order` places them among all contexts' entries. */
export const IDENTITY_NAV: readonly NavItem[] = [
  { key: 'members', path: '/members', labelKey: 'nav.members', page: 'members', order: 10 },
  { key: 'api-clients', path: '/api-clients', labelKey: 'nav.apiClients', page: 'apiClients', order: 20 },
  { key: 'settings', path: '/settings', labelKey: 'nav.settings', page: 'settings', order: 90 },
];
