import type { NavItem } from '../../nav/nav';
import type { Role } from '../../gql/graphql';

/**
 * Order pages and the roles that may open them (registered in `src/nav/access.ts`): the roles
 * holding `orders:read` (a merchant user sees its own orders only). Creating and cancelling
 * need `orders:write`, checked on the page with the viewer's scopes.
 */
export const ORDERS_PAGES = {
  orders: ['OWNER', 'ADMIN', 'OPERATOR', 'MERCHANT', 'VIEWER'] as readonly Role[],
} as const;

/** Order menu entries (registered in `src/nav/nav.ts`). */
export const ORDERS_NAV: readonly NavItem[] = [
  { key: 'orders', path: '/orders', labelKey: 'nav.orders', page: 'orders', order: 9 },
];
