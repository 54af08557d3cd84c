import type { NavItem } from '../../nav/nav';
import type { Role } from '../../gql/graphql';

/**
 * Return pages and the roles that may open them (registered in `src/nav/access.ts`): the roles
 * holding `returns:read` (a merchant user sees its own returns only). Announcing one needs
 * `returns:write`; receiving and inspecting need `inventory:write` (warehouse staff), checked
 * on the page with the viewer's scopes.
 */
export const RETURNS_PAGES = {
  returns: ['OWNER', 'ADMIN', 'OPERATOR', 'MERCHANT', 'VIEWER'] as readonly Role[],
} as const;

/** Return menu entries (registered in `src/nav/nav.ts`). */
export const RETURNS_NAV: readonly NavItem[] = [
  { key: 'returns', path: '/returns', labelKey: 'nav.returns', page: 'returns', order: 9.5 },
];
