import type { ContextRoutes } from '../../routes';
import { RequirePage } from '../../pages/RequirePage';
import { ApiClientsPage } from './apiClients/ApiClientsPage';
import { MembersPage } from './members/MembersPage';
import { SettingsPage } from './settings/SettingsPage';
import { AcceptInvitePage } from './signedOut/AcceptInvitePage';
import { ForgotPasswordPage } from './signedOut/ForgotPasswordPage';
import { LoginPage } from './signedOut/LoginPage';
import { ResetPasswordPage } from './signedOut/ResetPasswordPage';

/** Identity: sign-in and its emails' pages, members and invitations, API clients, tenant settings. */
export const identityRoutes: ContextRoutes = {
  signedOut: [
    { path: '/login', element: <LoginPage /> },
    // Paths the server puts in emails.
    { path: '/accept-invite', element: <AcceptInvitePage /> },
    { path: '/reset-password', element: <ResetPasswordPage /> },
    { path: '/forgot-password', element: <ForgotPasswordPage /> },
  ],
  signedIn: [
    { path: 'members', element: <RequirePage page="members"><MembersPage /></RequirePage> },
    { path: 'api-clients', element: <RequirePage page="apiClients"><ApiClientsPage /></RequirePage> },
    { path: 'settings', element: <RequirePage page="settings"><SettingsPage /></RequirePage> },
  ],
};
