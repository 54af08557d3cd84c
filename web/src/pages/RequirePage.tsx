import type { ReactNode } from 'react';
import { useViewer } from '../auth/useAuth';
import { canOpen, type PageKey } from '../nav/access';
import { ForbiddenPage } from './ForbiddenPage';

/** Shows the page only to roles that may open it (the server checks again). */
export function RequirePage({ page, children }: { page: PageKey; children: ReactNode }) {
  const viewer = useViewer();
  return canOpen(page, viewer.role) ? <>{children}</> : <ForbiddenPage />;
}
