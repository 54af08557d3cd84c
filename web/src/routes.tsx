import { Route, Routes } from 'react-router-dom';
import { AcceptInvitePage } from './pages/AcceptInvitePage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { ApiClientsPage } from './apiClients/ApiClientsPage';
import { AuditLogPage } from './audit/AuditLogPage';
import { JobsPage } from './jobs/JobsPage';
import { AppLayout } from './layout/AppLayout';
import { MembersPage } from './members/MembersPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { ModulePage } from './pages/ModulePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RequireAuth } from './pages/RequireAuth';
import { RequirePage } from './pages/RequirePage';
import { SettingsPage } from './settings/SettingsPage';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* Paths the server puts in emails. */}
      <Route path="/accept-invite" element={<AcceptInvitePage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="modules/:slug" element={<ModulePage />} />
        <Route path="members" element={<RequirePage page="members"><MembersPage /></RequirePage>} />
        <Route path="api-clients" element={<RequirePage page="apiClients"><ApiClientsPage /></RequirePage>} />
        <Route path="audit-log" element={<RequirePage page="auditLog"><AuditLogPage /></RequirePage>} />
        <Route path="jobs" element={<RequirePage page="jobs"><JobsPage /></RequirePage>} />
        <Route path="settings" element={<RequirePage page="settings"><SettingsPage /></RequirePage>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
