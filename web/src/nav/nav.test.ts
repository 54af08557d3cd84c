import { describe, expect, it } from 'vitest';
import type { Role } from '../gql/graphql';
import { ROLES } from '../lib/enums';
import { canOpen, PAGE_ROLES } from './access';
import { moduleFromSlug, PAGE_ITEMS, visibleNav } from './nav';

const keys = (modules: Parameters<typeof visibleNav>[0]['modules'], role: Role | null) =>
  visibleNav({ modules, role }).map((i) => i.key);

describe('visibleNav', () => {
  it('shows only the enabled modules, in a fixed order', () => {
    expect(keys(['TRAINING', 'WAREHOUSING'], 'TRAINEE')).toEqual(['home', 'module-warehousing', 'module-training']);
    expect(keys([], 'TRAINEE')).toEqual(['home']);
  });

  it('shows every admin page to owners and admins', () => {
    for (const role of ['OWNER', 'ADMIN'] as const) {
      expect(keys(['LIVESTREAM'], role)).toEqual([
        'home',
        'module-livestream',
        'merchants',
        'skus',
        'inbound',
        'stock',
        'fulfilment',
        'counts',
        'transfers',
        'orders',
        'returns',
        'members',
        'api-clients',
        'audit-log',
        'jobs',
        'settings',
      ]);
    }
  });

  it('shows operators the merchants, SKUs, inbound, stock, waves, counts, transfers, orders and returns pages, and no admin page', () => {
    expect(keys(['STORES'], 'OPERATOR')).toEqual([
      'home',
      'module-stores',
      'merchants',
      'skus',
      'inbound',
      'stock',
      'fulfilment',
      'counts',
      'transfers',
      'orders',
      'returns',
    ]);
    // Waves and counts are the warehouse's work: a merchant follows its shipments through its
    // orders, and sees its own transfers and returns.
    expect(keys(['STORES'], 'MERCHANT')).toEqual(['home', 'module-stores', 'merchants', 'skus', 'inbound', 'stock', 'transfers', 'orders', 'returns']);
  });

  it('shows viewers the inbound shipments, stock, waves, transfers, orders and returns (what their read scopes reach)', () => {
    expect(keys(['STORES'], 'VIEWER')).toEqual(['home', 'module-stores', 'inbound', 'stock', 'fulfilment', 'transfers', 'orders', 'returns']);
  });

  it('hides every page from the other roles and from tokens without a role', () => {
    for (const role of ROLES.filter((r) => !['OWNER', 'ADMIN', 'OPERATOR', 'MERCHANT', 'VIEWER'].includes(r))) {
      expect(keys(['STORES'], role), role).toEqual(['home', 'module-stores']);
    }
    expect(keys(['STORES'], null)).toEqual(['home', 'module-stores']);
  });
});

describe('context menu entries', () => {
  it('give every registered page one entry, with distinct keys and paths', () => {
    expect(PAGE_ITEMS.map((i) => i.page).sort()).toEqual(Object.keys(PAGE_ROLES).sort());
    expect(new Set(PAGE_ITEMS.map((i) => i.key)).size).toBe(PAGE_ITEMS.length);
    expect(new Set(PAGE_ITEMS.map((i) => i.path)).size).toBe(PAGE_ITEMS.length);
  });
});

describe('canOpen', () => {
  it('lets owners and admins read the audit log, no one else', () => {
    expect(canOpen('auditLog', 'OWNER')).toBe(true);
    expect(canOpen('auditLog', 'ADMIN')).toBe(true);
    expect(canOpen('auditLog', 'OPERATOR')).toBe(false);
    expect(canOpen('auditLog', undefined)).toBe(false);
  });
});

describe('canOpen merchants', () => {
  it('lets the roles that read merchants open the page', () => {
    expect(['OWNER', 'ADMIN', 'OPERATOR', 'MERCHANT'].every((r) => canOpen('merchants', r as Role))).toBe(true);
    expect(canOpen('merchants', 'SELLER')).toBe(false);
    expect(canOpen('merchants', 'VIEWER')).toBe(false);
  });
});

describe('canOpen stock and orders', () => {
  it('follows the roles holding inventory:read and orders:read', () => {
    for (const role of ['OWNER', 'ADMIN', 'OPERATOR', 'MERCHANT', 'VIEWER'] as const) {
      expect(canOpen('stock', role), role).toBe(true);
      expect(canOpen('orders', role), role).toBe(true);
    }
    for (const role of ['SELLER', 'STORE_STAFF', 'TRAINER', 'TRAINEE'] as const) {
      expect(canOpen('stock', role), role).toBe(false);
      expect(canOpen('orders', role), role).toBe(false);
    }
  });
});

describe('canOpen counts, transfers and returns', () => {
  it('gives counts to warehouse staff only, transfers and returns to whoever reads stock and returns', () => {
    for (const role of ['OWNER', 'ADMIN', 'OPERATOR'] as const) expect(canOpen('counts', role), role).toBe(true);
    for (const role of ['MERCHANT', 'VIEWER', 'SELLER'] as const) expect(canOpen('counts', role), role).toBe(false);
    for (const role of ['OWNER', 'ADMIN', 'OPERATOR', 'MERCHANT', 'VIEWER'] as const) {
      expect(canOpen('transfers', role), role).toBe(true);
      expect(canOpen('returns', role), role).toBe(true);
    }
    for (const role of ['SELLER', 'STORE_STAFF', 'TRAINER', 'TRAINEE'] as const) {
      expect(canOpen('transfers', role), role).toBe(false);
      expect(canOpen('returns', role), role).toBe(false);
    }
  });
});

describe('moduleFromSlug', () => {
  it('maps URL slugs back to modules', () => {
    expect(moduleFromSlug('warehousing')).toBe('WAREHOUSING');
    expect(moduleFromSlug('nope')).toBeUndefined();
    expect(moduleFromSlug(undefined)).toBeUndefined();
  });
});
