import type { PageKey } from '../../../nav/access';

/** What the feed needs of an audit entry. `before`/`after` are the JSON the server recorded. */
export interface ActivityEntry {
  action: string;
  subjectId?: string | null;
  before?: unknown;
  after?: unknown;
  actor: { kind: string; id?: string | null; label: string; name: string };
}

/** Groups of actions, for the filter; `security` entries carry a tag in the feed. */
export type ActivityCategory = 'members' | 'security' | 'sessions' | 'access' | 'tenant' | 'catalog' | 'jobs';

/** How one action reads: its group, what its subject is called, and the sentence's other values. */
interface ActionRule {
  category: ActivityCategory;
  /** The subject's name as the entry recorded it (an email, a merchant's name). */
  subject?(entry: ActivityEntry): string | undefined;
  /** Roles are given as the enum's names (`ADMIN`), translated as `role.<NAME>`. */
  roles?(entry: ActivityEntry): Record<string, string | undefined>;
}

type Json = Record<string, unknown>;
const field = (value: unknown, ...path: string[]): string | undefined => {
  let node: unknown = value;
  for (const key of path) node = node && typeof node === 'object' ? (node as Json)[key] : undefined;
  return typeof node === 'string' && node !== '' ? node : undefined;
};
/** A field of `after`, else of `before` (a removal records only `before`). */
const either = (entry: ActivityEntry, ...path: string[]) => field(entry.after, ...path) ?? field(entry.before, ...path);
/** The stored role (`store_staff`) as the schema's enum name (`STORE_STAFF`). */
const role = (stored: string | undefined) => stored?.toUpperCase();
const merchant = (entry: ActivityEntry) => {
  const name = either(entry, 'name');
  const code = either(entry, 'code');
  return name && code ? `${name} (${code})` : (name ?? code);
};

/**
 * Every action the feed puts in words (`audit.says.<action>` in the locales), by its name.
 * An action missing here still shows, in the fallback sentence with its raw name.
 */
export const ACTIONS: Record<string, ActionRule> = {
  'member.invite': { category: 'members', subject: (e) => either(e, 'email'), roles: (e) => ({ role: role(either(e, 'role')) }) },
  'invitation.resend': { category: 'members', subject: (e) => either(e, 'email') },
  'invitation.revoke': { category: 'members', subject: (e) => either(e, 'email') },
  'member.join': { category: 'members', roles: (e) => ({ role: role(either(e, 'role')) }) },
  'member.role_change': {
    category: 'members',
    subject: (e) => either(e, 'user'),
    roles: (e) => ({ from: role(field(e.before, 'role')), to: role(field(e.after, 'role')) }),
  },
  'member.remove': { category: 'members', subject: (e) => either(e, 'user') },
  'session.create': { category: 'sessions' },
  'session.refresh': { category: 'sessions' },
  'session.switch_tenant': { category: 'sessions' },
  'session.revoke': { category: 'sessions' },
  'session.login_failed': { category: 'security', subject: (e) => either(e, 'email') ?? e.actor.label },
  'session.locked': { category: 'security', subject: (e) => either(e, 'email') ?? e.actor.label },
  'session.reuse_detected': { category: 'security' },
  'user.password_reset_request': { category: 'security' },
  'user.password_reset': { category: 'security' },
  'user.email_confirm': { category: 'security' },
  'user.signup_notice': { category: 'security' },
  'user.update': { category: 'members' },
  'api_client.create': { category: 'access', subject: (e) => either(e, 'name') },
  'api_client.revoke': { category: 'access', subject: (e) => either(e, 'name') },
  'tenant.create': { category: 'tenant', subject: (e) => either(e, 'tenant', 'name') },
  'tenant.update': { category: 'tenant', subject: (e) => either(e, 'name') },
  'merchant.create': { category: 'catalog', subject: merchant },
  'merchant.update': { category: 'catalog', subject: merchant },
  'job.retry': { category: 'jobs' },
};

/** Where an object of each global id type is seen in the portal, and the page's access key. */
const PAGES: Record<string, { path: string; page: PageKey }> = {
  Member: { path: '/members', page: 'members' },
  Invitation: { path: '/members', page: 'members' },
  ApiClient: { path: '/api-clients', page: 'apiClients' },
  Merchant: { path: '/merchants', page: 'merchants' },
  Tenant: { path: '/settings', page: 'settings' },
  Job: { path: '/jobs', page: 'jobs' },
};

/** `gid://silkport/<Type>/<uuid>` → `Type`. */
export const gidType = (gid: string | null | undefined): string | undefined =>
  gid?.match(/^gid:\/\/silkport\/([A-Za-z]+)\/[^/]+$/)?.[1];

/** One entry as the feed shows it. */
export interface Activity {
  /** i18next key of the sentence: `audit.says.<action>`, or `audit.says.unknown`. */
  key: string;
  category: ActivityCategory | null;
  /** Who did it; `null` for the system. */
  actor: string | null;
  /** What it was done to, by name, when the entry names it. */
  subject: string | undefined;
  /** The portal page of the subject, when it has one the viewer may open. */
  link: { path: string; page: PageKey } | undefined;
  /** Role values of the sentence, as enum names. */
  roles: Record<string, string | undefined>;
}

/**
 * Puts an entry in words: the rule of its action, else the fallback. `names` are the present
 * names of people by user id, for subjects that are users (a reset link asked for someone).
 */
export function describe(entry: ActivityEntry, names: ReadonlyMap<string, string> = new Map()): Activity {
  const rule = Object.hasOwn(ACTIONS, entry.action) ? ACTIONS[entry.action] : undefined;
  const type = gidType(entry.subjectId);
  const userSubject = type === 'User' && entry.subjectId ? names.get(entry.subjectId) : undefined;
  return {
    key: rule ? `audit.says.${entry.action}` : 'audit.says.unknown',
    category: rule?.category ?? null,
    actor: entry.actor.kind === 'SYSTEM' ? null : entry.actor.name,
    subject: rule?.subject?.(entry) ?? userSubject,
    link: type ? PAGES[type] : undefined,
    roles: rule?.roles?.(entry) ?? {},
  };
}

/** The known actions of a category, for the action filter. */
export const actionsOf = (category: ActivityCategory): string[] =>
  Object.entries(ACTIONS)
    .filter(([, rule]) => rule.category === category)
    .map(([action]) => action);

export const CATEGORIES: readonly ActivityCategory[] = ['members', 'security', 'sessions', 'access', 'tenant', 'catalog', 'jobs'];
