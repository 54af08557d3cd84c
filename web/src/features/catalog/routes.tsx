import type { ContextRoutes } from '../../routes';
import { RequirePage } from '../../pages/RequirePage';
import { MerchantsPage } from './merchants/MerchantsPage';
import { SkusPage } from './skus/SkusPage';

/** Catalog: merchants (货主), the owners of the goods, and their SKUs (with imports and exports). */
export const catalogRoutes: ContextRoutes = {
  signedIn: [
    { path: 'merchants', element: <RequirePage page="merchants"><MerchantsPage /></RequirePage> },
    { path: 'skus', element: <RequirePage page="skus"><SkusPage /></RequirePage> },
  ],
};
