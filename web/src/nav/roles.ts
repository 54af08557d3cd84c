import type { Role } from '../gql/graphql';

/** Roles that administer a tenant: the usual audience of the pages beyond the modules. */
export const ADMINS: readonly Role[] = ['OWNER', 'ADMIN'];
