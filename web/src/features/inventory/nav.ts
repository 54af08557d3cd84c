import type { NavItem } from '../../nav/nav';
import type { Role } from '../../gql/graphql';

/**
 * Inventory pages and the roles that may open them (registered in `src/nav/access.ts`): the
 * roles holding `inventory:read` (a merchant user reads its own stock only). Changing stock
 * needs `inventory:write`, checked on the page with the viewer's scopes.
 */
export const INVENTORY_PAGES = {
  stock: ['OWNER', 'ADMIN', 'OPERATOR', 'MERCHANT', 'VIEWER'] as readonly Role[],
} as const;

/** Inventory menu entries (registered in `src/nav/nav.ts`). */
export const INVENTORY_NAV: readonly NavItem[] = [
  { key: 'stock', path: '/stock', labelKey: 'nav.stock', page: 'stock', order: 8 },
];
