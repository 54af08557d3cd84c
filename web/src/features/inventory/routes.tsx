import type { ContextRoutes } from '../../routes';
import { RequirePage } from '../../pages/RequirePage';
import { StockLevelPage } from './StockLevelPage';
import { StockPage } from './StockPage';

/** Inventory: stock levels, a level's bins and ledger, and the hand-made changes. */
export const inventoryRoutes: ContextRoutes = {
  signedIn: [
    { path: 'stock', element: <RequirePage page="stock"><StockPage /></RequirePage> },
    { path: 'stock/:skuId/:warehouseId', element: <RequirePage page="stock"><StockLevelPage /></RequirePage> },
  ],
};
