import type { ContextRoutes } from '../../routes';
import { RequirePage } from '../../pages/RequirePage';
import { NewReturnPage } from './NewReturnPage';
import { ReturnPage } from './ReturnPage';
import { ReturnsPage } from './ReturnsPage';

/** Returns (RMA): the list, a new return against a shipped order, and a return's scan screen and ledger. */
export const returnsRoutes: ContextRoutes = {
  signedIn: [
    { path: 'returns', element: <RequirePage page="returns"><ReturnsPage /></RequirePage> },
    { path: 'returns/new', element: <RequirePage page="returns"><NewReturnPage /></RequirePage> },
    { path: 'returns/:id', element: <RequirePage page="returns"><ReturnPage /></RequirePage> },
  ],
};
