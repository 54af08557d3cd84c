import type { ContextRoutes } from '../../routes';
import { RequirePage } from '../../pages/RequirePage';
import { AuditLogPage } from './audit/AuditLogPage';
import { JobsPage } from './jobs/JobsPage';

/** Platform: the tenant's audit log and background jobs. */
export const platformRoutes: ContextRoutes = {
  signedIn: [
    { path: 'audit-log', element: <RequirePage page="auditLog"><AuditLogPage /></RequirePage> },
    { path: 'jobs', element: <RequirePage page="jobs"><JobsPage /></RequirePage> },
  ],
};
