import type { ContextRoutes } from '../../routes';
import { RequirePage } from '../../pages/RequirePage';
import { ReceivePage } from './ReceivePage';
import { ShipmentsPage } from './ShipmentsPage';

/** Inbound: shipments (ASNs) with their progress, and the receiving screen for a scanner. */
export const inboundRoutes: ContextRoutes = {
  signedIn: [
    { path: 'inbound', element: <RequirePage page="inbound"><ShipmentsPage /></RequirePage> },
    { path: 'inbound/:id/receive', element: <RequirePage page="inbound"><ReceivePage /></RequirePage> },
  ],
};
