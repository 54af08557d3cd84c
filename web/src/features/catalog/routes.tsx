import type { ContextRoutes } from '../../routes';
import { RequirePage } from '../../pages/RequirePage';
import { MerchantsPage } from './merchants/MerchantsPage';

/** Catalog: merchants (货主), the owners of the goods. */
export const catalogRoutes: ContextRoutes = {
  signedIn: [{ path: 'merchants', element: <RequirePage page="merchants"><MerchantsPage /></RequirePage> }],
};
