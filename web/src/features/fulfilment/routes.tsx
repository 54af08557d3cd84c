import type { ContextRoutes } from '../../routes';
import { RequirePage } from '../../pages/RequirePage';
import { PackPage } from './PackPage';
import { PickPage } from './PickPage';
import { WavesPage } from './WavesPage';

/** Fulfilment: waves, the pick screen for a scanner, and packing and shipping an order. */
export const fulfilmentRoutes: ContextRoutes = {
  signedIn: [
    { path: 'fulfilment', element: <RequirePage page="fulfilment"><WavesPage /></RequirePage> },
    { path: 'fulfilment/waves/:id/pick', element: <RequirePage page="fulfilment"><PickPage /></RequirePage> },
    { path: 'fulfilment/orders/:id/pack', element: <RequirePage page="fulfilment"><PackPage /></RequirePage> },
  ],
};
