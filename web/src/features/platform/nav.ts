import type { NavItem } from '../../nav/nav';
import { ADMINS } from '../../nav/roles';

/** Platform pages and the roles that may open them (registered in `src/nav/access.ts`). */
export const PLATFORM_PAGES = {
  auditLog: ADMINS,
  jobs: ADMINS,
} as const;

/** Platform menu entries (registered in `src/nav/nav.ts`); `order` places them among all contexts' entries. */
export const PLATFORM_NAV: readonly NavItem[] = [
  { key: 'audit-log', path: '/audit-log', labelKey: 'nav.auditLog', page: 'auditLog', order: 30 },
  { key: 'jobs', path: '/jobs', labelKey: 'nav.jobs', page: 'jobs', order: 40 },
];
