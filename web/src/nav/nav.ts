import { CATALOG_NAV } from '../features/catalog/nav';
import { IDENTITY_NAV } from '../features/identity/nav';
import { FULFILMENT_NAV } from '../features/fulfilment/nav';
import { INBOUND_NAV } from '../features/inbound/nav';
import { INVENTORY_NAV } from '../features/inventory/nav';
import { ORDERS_NAV } from '../features/orders/nav';
import { PLATFORM_NAV } from '../features/platform/nav';
import { RETURNS_NAV } from '../features/returns/nav';
import type { Module, Role } from '../gql/graphql';
import { MODULES } from '../lib/enums';
import { canOpen, type PageKey } from './access';

export interface NavItem {
  /** Menu key and the suffix of its data-testid (`nav-<key>`). */
  key: string;
  path: string;
  /** i18next key of the label. */
  labelKey: string;
  module?: Module;
  page?: PageKey;
  /** Position among the page entries of all contexts, lowest first. */
  order?: number;
}

export const moduleSlug = (module: Module): string => module.toLowerCase();

export const moduleFromSlug = (slug: string | undefined): Module | undefined =>
  MODULES.find((m) => moduleSlug(m) === slug);

export const HOME_ITEM: NavItem = { key: 'home', path: '/', labelKey: 'nav.home' };

export const MODULE_ITEMS: NavItem[] = MODULES.map((module) => ({
  key: `module-${moduleSlug(module)}`,
  path: `/modules/${moduleSlug(module)}`,
  labelKey: `module.${module}`,
  module,
}));

/** Menu entries of each business context (`src/features/<context>/nav.ts`): one line per context. */
const CONTEXT_NAV: readonly (readonly NavItem[])[] = [
  IDENTITY_NAV,
  PLATFORM_NAV,
  CATALOG_NAV,
  INBOUND_NAV,
  INVENTORY_NAV,
  ORDERS_NAV,
  FULFILMENT_NAV,
  RETURNS_NAV,
];

/** Every context's page entries, in `order`. */
export const PAGE_ITEMS: NavItem[] = CONTEXT_NAV.flat().sort((a, b) => (a.order ?? 0) - (b.order ?? 0));

export interface NavContext {
  modules: readonly Module[];
  role: Role | null | undefined;
}

/** The menu for this tenant and role: home, the enabled modules, then the pages the role may open. */
export function visibleNav(ctx: NavContext): NavItem[] {
  return [HOME_ITEM, ...MODULE_ITEMS, ...PAGE_ITEMS].filter((item) => {
    if (item.module) return ctx.modules.includes(item.module);
    if (item.page) return canOpen(item.page, ctx.role);
    return true;
  });
}
