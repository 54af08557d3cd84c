import type { Role } from '../gql/graphql';

/** Pages beyond the module placeholders, and which roles may open them. */
export type PageKey = 'members' | 'apiClients' | 'auditLog' | 'jobs' | 'settings';

const ADMINS: readonly Role[] = ['OWNER', 'ADMIN'];

export const PAGE_ROLES: Record<PageKey, readonly Role[]> = {
  members: ADMINS,
  apiClients: ADMINS,
  auditLog: ADMINS,
  jobs: ADMINS,
  settings: ADMINS,
};

export function canOpen(page: PageKey, role: Role | null | undefined): boolean {
  return role != null && PAGE_ROLES[page].includes(role);
}
