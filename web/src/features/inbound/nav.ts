import type { NavItem } from '../../nav/nav';
import type { Role } from '../../gql/graphql';

/**
 * Inbound pages and the roles that may open them (registered in `src/nav/access.ts`). A
 * merchant user follows its own shipments; receiving needs `inventory:write` (checked on the page).
 */
export const INBOUND_PAGES = {
  inbound: ['OWNER', 'ADMIN', 'OPERATOR', 'MERCHANT', 'VIEWER'] as readonly Role[],
} as const;

/** Inbound menu entries (registered in `src/nav/nav.ts`). */
export const INBOUND_NAV: readonly NavItem[] = [
  { key: 'inbound', path: '/inbound', labelKey: 'nav.inbound', page: 'inbound', order: 7 },
];
