import type { ActorKind, JobState, Locale, Module, Scope, Role } from '../gql/graphql';

// Runtime lists of the schema's enums. Each is built from a Record keyed by the generated
// union type, so `tsc` fails when the schema gains or loses a value.
const keys = <T extends string>(record: Record<T, true>): T[] => Object.keys(record) as T[];

export const MODULES = keys<Module>({ WAREHOUSING: true, STORES: true, LIVESTREAM: true, TRAINING: true });

export const ROLES = keys<Role>({
  OWNER: true,
  ADMIN: true,
  OPERATOR: true,
  MERCHANT: true,
  SELLER: true,
  STORE_STAFF: true,
  TRAINER: true,
  TRAINEE: true,
  VIEWER: true,
});

/** The schema's `Scope`: what a role holds and, as an OAuth scope, what a partner client is granted. */
export const SCOPES = keys<Scope>({
  TENANT_READ: true,
  TENANT_WRITE: true,
  MEMBERS_READ: true,
  MEMBERS_WRITE: true,
  API_CLIENTS_READ: true,
  API_CLIENTS_WRITE: true,
  AUDIT_READ: true,
  JOBS_READ: true,
  JOBS_WRITE: true,
  MERCHANTS_READ: true,
  MERCHANTS_WRITE: true,
  CATALOG_READ: true,
  CATALOG_WRITE: true,
  WAREHOUSES_READ: true,
  WAREHOUSES_WRITE: true,
  INVENTORY_READ: true,
  INVENTORY_WRITE: true,
  COUNTS_APPROVE: true,
  ORDERS_READ: true,
  ORDERS_WRITE: true,
  RETURNS_READ: true,
  RETURNS_WRITE: true,
  INBOUND_READ: true,
  INBOUND_WRITE: true,
  FULFILMENT_READ: true,
  FULFILMENT_WRITE: true,
});

/**
 * The scopes a merchant-bound client may hold: those whose reach is one merchant's rows
 * (`domain/src/platform/access.rs`, `Reach::Merchant`). The server refuses the others.
 */
export const MERCHANT_SCOPES: readonly Scope[] = [
  'TENANT_READ',
  'API_CLIENTS_READ',
  'API_CLIENTS_WRITE',
  'MERCHANTS_READ',
  'MERCHANTS_WRITE',
  'CATALOG_READ',
  'CATALOG_WRITE',
  'WAREHOUSES_READ',
  'INVENTORY_READ',
  'ORDERS_READ',
  'ORDERS_WRITE',
  'RETURNS_READ',
  'RETURNS_WRITE',
  'INBOUND_READ',
  'INBOUND_WRITE',
];

export const LOCALES = keys<Locale>({ ZH_CN: true, EN: true });

export const JOB_STATES = keys<JobState>({ QUEUED: true, RUNNING: true, SUCCEEDED: true, DEAD: true });

export const ACTOR_KINDS = keys<ActorKind>({ USER: true, API_CLIENT: true, SYSTEM: true });
