import type { NavItem } from '../../nav/nav';
import type { Role } from '../../gql/graphql';

/**
 * Fulfilment pages and the roles that may open them (registered in `src/nav/access.ts`):
 * warehouse staff's work; picking, packing and shipping need `fulfilment:write` (checked on the
 * page). Merchants follow their orders' shipments through their orders.
 */
export const FULFILMENT_PAGES = {
  fulfilment: ['OWNER', 'ADMIN', 'OPERATOR', 'VIEWER'] as readonly Role[],
} as const;

/** Fulfilment menu entries (registered in `src/nav/nav.ts`). */
export const FULFILMENT_NAV: readonly NavItem[] = [
  { key: 'fulfilment', path: '/fulfilment', labelKey: 'nav.fulfilment', page: 'fulfilment', order: 8 },
];
