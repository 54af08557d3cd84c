import type { NavItem } from '../../nav/nav';
import type { Role } from '../../gql/graphql';

/**
 * Inventory pages and the roles that may open them (registered in `src/nav/access.ts`): stock
 * and transfers for the roles holding `inventory:read` (a merchant user reads its own only);
 * counts for warehouse staff (`inventory:write`; approving needs `counts:approve`, checked on
 * the page with the viewer's scopes). Changing stock needs `inventory:write`, checked on the
 * page too.
 */
export const INVENTORY_PAGES = {
  stock: ['OWNER', 'ADMIN', 'OPERATOR', 'MERCHANT', 'VIEWER'] as readonly Role[],
  counts: ['OWNER', 'ADMIN', 'OPERATOR'] as readonly Role[],
  transfers: ['OWNER', 'ADMIN', 'OPERATOR', 'MERCHANT', 'VIEWER'] as readonly Role[],
} as const;

/** Inventory menu entries (registered in `src/nav/nav.ts`). */
export const INVENTORY_NAV: readonly NavItem[] = [
  { key: 'stock', path: '/stock', labelKey: 'nav.stock', page: 'stock', order: 8 },
  { key: 'counts', path: '/counts', labelKey: 'nav.counts', page: 'counts', order: 8.2 },
  { key: 'transfers', path: '/transfers', labelKey: 'nav.transfers', page: 'transfers', order: 8.4 },
];
