import { createContext, useContext } from 'react';
import type { InvitationAcceptInput, SessionCreateInput, SignupConfirmInput, TenantCreateInput } from '../gql/graphql';
import type { UserErrorLike } from '../lib/userErrors';
import type { Viewer } from './sessionApi';

export type AuthStatus = 'loading' | 'anonymous' | 'ready' | 'error';

export interface Auth {
  status: AuthStatus;
  viewer: Viewer | null;
  /** Resolves the userErrors (empty on success); throws when the server is unreachable. */
  login(input: SessionCreateInput): Promise<UserErrorLike[]>;
  /** Same contract as login, for the link in an invitation email. */
  acceptInvitation(input: InvitationAcceptInput): Promise<UserErrorLike[]>;
  /** Same contract as login, for the link in a sign-up confirmation email. */
  confirmSignup(input: SignupConfirmInput): Promise<UserErrorLike[]>;
  /**
   * Signs up a tenant. `mailSent`: the answer is in the mail (nothing is known here about the
   * address); else signed in at once when `userErrors` is empty. Throws like login.
   */
  signUp(input: TenantCreateInput): Promise<{ mailSent: boolean; userErrors: UserErrorLike[] }>;
  logout(): Promise<void>;
  /** Resolves null on success, else the server's messages. */
  switchTenant(tenantId: string): Promise<string[] | null>;
  reloadViewer(): Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The viewer on pages behind RequireAuth, where it is always loaded. */
export function useViewer(): Viewer {
  const { viewer } = useAuth();
  if (!viewer) throw new Error('useViewer without a signed-in viewer');
  return viewer;
}
