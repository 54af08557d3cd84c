import type { NavItem } from '../../nav/nav';
import type { Role } from '../../gql/graphql';

/**
 * Catalog pages and the roles that may open them (registered in `src/nav/access.ts`). A
 * merchant user sees only the merchant it acts for (the server scopes the list).
 */
export const CATALOG_PAGES = {
  merchants: ['OWNER', 'ADMIN', 'OPERATOR', 'MERCHANT'] as readonly Role[],
  skus: ['OWNER', 'ADMIN', 'OPERATOR', 'MERCHANT'] as readonly Role[],
} as const;

/** Catalog menu entries (registered in `src/nav/nav.ts`); `order` places them among all contexts' entries. */
export const CATALOG_NAV: readonly NavItem[] = [
  { key: 'merchants', path: '/merchants', labelKey: 'nav.merchants', page: 'merchants', order: 5 },
  { key: 'skus', path: '/skus', labelKey: 'nav.skus', page: 'skus', order: 6 },
];
