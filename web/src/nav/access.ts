import { CATALOG_PAGES } from '../features/catalog/nav';
import { IDENTITY_PAGES } from '../features/identity/nav';
import { FULFILMENT_PAGES } from '../features/fulfilment/nav';
import { INBOUND_PAGES } from '../features/inbound/nav';
import { INVENTORY_PAGES } from '../features/inventory/nav';
import { ORDERS_PAGES } from '../features/orders/nav';
import { PLATFORM_PAGES } from '../features/platform/nav';
import { RETURNS_PAGES } from '../features/returns/nav';
import type { Role } from '../gql/graphql';

/**
 * Pages beyond the module placeholders, and which roles may open them. Each business context
 * declares its own (`src/features/<context>/nav.ts`): one line per context.
 */
export const PAGE_ROLES = {
  ...IDENTITY_PAGES,
  ...PLATFORM_PAGES,
  ...CATALOG_PAGES,
  ...INBOUND_PAGES,
  ...INVENTORY_PAGES,
  ...ORDERS_PAGES,
  ...FULFILMENT_PAGES,
  ...RETURNS_PAGES,
} satisfies Record<string, readonly Role[]>;

export type PageKey = keyof typeof PAGE_ROLES;

export function canOpen(page: PageKey, role: Role | null | undefined): boolean {
  return role != null && PAGE_ROLES[page].includes(role);
}
