import type { ContextRoutes } from '../../routes';
import { RequirePage } from '../../pages/RequirePage';
import { NewOrderPage } from './NewOrderPage';
import { OrderPage } from './OrderPage';
import { OrdersPage } from './OrdersPage';

/** Orders: the list, a new order by hand, and an order with its allocations and timeline. */
export const ordersRoutes: ContextRoutes = {
  signedIn: [
    { path: 'orders', element: <RequirePage page="orders"><OrdersPage /></RequirePage> },
    { path: 'orders/new', element: <RequirePage page="orders"><NewOrderPage /></RequirePage> },
    { path: 'orders/:id', element: <RequirePage page="orders"><OrderPage /></RequirePage> },
  ],
};
