import type { ActorKind, JobState, Locale, Module, Role, Scope } from '../gql/graphql';

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
});

export const LOCALES = keys<Locale>({ ZH_CN: true, EN: true });

export const JOB_STATES = keys<JobState>({ QUEUED: true, RUNNING: true, SUCCEEDED: true, DEAD: true });

export const ACTOR_KINDS = keys<ActorKind>({ USER: true, API_CLIENT: true, SYSTEM: true });
