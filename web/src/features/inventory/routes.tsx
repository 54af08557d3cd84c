import type { ContextRoutes } from '../../routes';
import { RequirePage } from '../../pages/RequirePage';
import { CountsPage } from './counts/CountsPage';
import { CountTaskPage } from './counts/CountTaskPage';
import { StockLevelPage } from './StockLevelPage';
import { StockPage } from './StockPage';
import { TransferPage } from './transfers/TransferPage';
import { TransfersPage } from './transfers/TransfersPage';

/**
 * Inventory: stock levels, a level's bins and ledger, and the hand-made changes; cycle counts
 * (counting for a scanner, review and approval); transfers between warehouses.
 */
export const inventoryRoutes: ContextRoutes = {
  signedIn: [
    { path: 'stock', element: <RequirePage page="stock"><StockPage /></RequirePage> },
    { path: 'stock/:skuId/:warehouseId', element: <RequirePage page="stock"><StockLevelPage /></RequirePage> },
    { path: 'counts', element: <RequirePage page="counts"><CountsPage /></RequirePage> },
    { path: 'counts/:id', element: <RequirePage page="counts"><CountTaskPage /></RequirePage> },
    { path: 'transfers', element: <RequirePage page="transfers"><TransfersPage /></RequirePage> },
    { path: 'transfers/:id', element: <RequirePage page="transfers"><TransferPage /></RequirePage> },
  ],
};
