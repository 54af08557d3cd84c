import { useRoutes, type RouteObject } from 'react-router-dom';
import { catalogRoutes } from './features/catalog/routes';
import { identityRoutes } from './features/identity/routes';
import { fulfilmentRoutes } from './features/fulfilment/routes';
import { inboundRoutes } from './features/inbound/routes';
import { inventoryRoutes } from './features/inventory/routes';
import { ordersRoutes } from './features/orders/routes';
import { platformRoutes } from './features/platform/routes';
import { returnsRoutes } from './features/returns/routes';
import { AppLayout } from './layout/AppLayout';
import { HomePage } from './pages/HomePage';
import { ModulePage } from './pages/ModulePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RequireAuth } from './pages/RequireAuth';

/** The routes a business context adds (`src/features/<context>/routes.tsx`). */
export interface ContextRoutes {
  /** Pages for signed-out visitors, at absolute paths (`/login`). */
  signedOut?: RouteObject[];
  /** Pages inside the signed-in layout, at paths relative to `/` (`members`); wrap them in `RequirePage`. */
  signedIn?: RouteObject[];
}

/** Routes of each business context: one line per context. */
const CONTEXT_ROUTES: readonly ContextRoutes[] = [
  identityRoutes,
  platformRoutes,
  catalogRoutes,
  inboundRoutes,
  inventoryRoutes,
  ordersRoutes,
  fulfilmentRoutes,
  returnsRoutes,
];

const ROUTES: RouteObject[] = [
  ...CONTEXT_ROUTES.flatMap((context) => context.signedOut ?? []),
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'modules/:slug', element: <ModulePage /> },
      ...CONTEXT_ROUTES.flatMap((context) => context.signedIn ?? []),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function AppRoutes() {
  return useRoutes(ROUTES);
}
