import type { ContextRoutes } from '../../routes';
import { RequirePage } from '../../pages/RequirePage';
import { ApiClientsPage } from './apiClients/ApiClientsPage';
import { MembersPage } from './members/MembersPage';
import { SettingsPage } from './settings/SettingsPage';
import { AcceptInvitePage } from './signedOut/AcceptInvitePage';
import { ConfirmSignupPage } from './signedOut/ConfirmSignupPage';
import { ForgotPasswordPage } from './signedOut/ForgotPasswordPage';
import { LoginPage } from './signedOut/LoginPage';
import { ResetPasswordPage } from './signedOut/ResetPasswordPage';
import { SignupPage } from './signedOut/SignupPage';

/** Identity: sign-up, sign-in and their emails' pages, members and invitations, API clients, tenant settings. */
export const identityRoutes: ContextRoutes = {
  signedOut: [
    { path: '/login', element: <LoginPage /> },
    { path: '/signup', element: <SignupPage /> },
    // Paths the server puts in emails.
    { path: '/accept-invite', element: <AcceptInvitePage /> },
    { path: '/reset-password', element: <ResetPasswordPage /> },
    { path: '/confirm-signup', element: <ConfirmSignupPage /> },
    { path: '/forgot-password', element: <ForgotPasswordPage /> },
  ],
  signedIn: [
    { path: 'members', element: <RequirePage page="members"><MembersPage /></RequirePage> },
    { path: 'api-clients', element: <RequirePage page="apiClients"><ApiClientsPage /></RequirePage> },
    { path: 'settings', element: <RequirePage page="settings"><SettingsPage /></RequirePage> },
  ],
};
