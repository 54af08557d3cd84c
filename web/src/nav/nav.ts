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

export const PAGE_ITEMS: NavItem[] = [
  { key: 'members', path: '/members', labelKey: 'nav.members', page: 'members' },
  { key: 'api-clients', path: '/api-clients', labelKey: 'nav.apiClients', page: 'apiClients' },
  { key: 'audit-log', path: '/audit-log', labelKey: 'nav.auditLog', page: 'auditLog' },
  { key: 'jobs', path: '/jobs', labelKey: 'nav.jobs', page: 'jobs' },
  { key: 'settings', path: '/settings', labelKey: 'nav.settings', page: 'settings' },
];

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
