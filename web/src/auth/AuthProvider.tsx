import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider as UrqlProvider, type Client } from 'urql';
import type { InvitationAcceptInput, SessionCreateInput, SignupConfirmInput, TenantCreateInput } from '../gql/graphql';
import { createClient } from '../graphql/client';
import { isUnauthenticated } from '../graphql/errors';
import { setDisplayTimeZone } from '../lib/format';
import { ViewerQuery } from './documents';
import {
  acceptInvitation,
  confirmSignup,
  login as loginRequest,
  revoke,
  signUp,
  type LoginResult,
  type Viewer,
} from './sessionApi';
import { session } from './sessionInstance';
import { AuthContext, type Auth, type AuthStatus } from './useAuth';

/** Starts the session from a successful sign-in; returns the userErrors otherwise. */
function begin(result: LoginResult) {
  if (!result.ok) return result.userErrors;
  session.start(result.tokens, result.viewer);
  return [];
}

/** Holds the signed-in viewer and a GraphQL client whose cache lives as long as one tenant session. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [status, setStatus] = useState<AuthStatus>(() => (session.isActive() ? 'loading' : 'anonymous'));
  // A new client (empty cache) per login and per tenant.
  const [epoch, setEpoch] = useState(0);
  const client = useMemo(() => createClient(session), [epoch]);
  // Before the pages render: their times are shown in the signed-in tenant's zone.
  setDisplayTimeZone(viewer?.tenant.timezone);

  const loadViewer = useCallback(async (c: Client) => {
    const result = await c.query(ViewerQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    if (result.data?.viewer) {
      setViewer(result.data.viewer);
      setStatus('ready');
    } else if (!session.isActive() || isUnauthenticated(result.error)) {
      session.end();
    } else {
      setStatus('error');
    }
  }, []);

  useEffect(
    () =>
      session.subscribe((event) => {
        if (event.type === 'ended') {
          setViewer(null);
          setStatus('anonymous');
          setEpoch((e) => e + 1);
          return;
        }
        const fresh = event.type === 'started' || event.tenantSwitched;
        if (event.viewer) {
          setViewer(event.viewer);
          setStatus('ready');
        } else if (fresh) {
          setStatus('loading');
        }
        if (fresh) setEpoch((e) => e + 1);
      }),
    [],
  );

  useEffect(() => {
    if (status === 'loading') void loadViewer(client);
  }, [status, client, loadViewer]);

  const auth = useMemo<Auth>(
    () => ({
      status,
      viewer,
      login: async (input: SessionCreateInput) => begin(await loginRequest(input)),
      acceptInvitation: async (input: InvitationAcceptInput) => begin(await acceptInvitation(input)),
      confirmSignup: async (input: SignupConfirmInput) => begin(await confirmSignup(input)),
      async signUp(input: TenantCreateInput) {
        const result = await signUp(input);
        return result.mailSent ? { mailSent: true, userErrors: [] } : { mailSent: false, userErrors: begin(result.login) };
      },
      async logout() {
        const refreshToken = session.refreshToken();
        session.end();
        if (refreshToken) await revoke(refreshToken).catch(() => undefined);
      },
      async switchTenant(tenantId: string) {
        const outcome = await session.switchTenant(tenantId);
        return outcome.ok ? null : outcome.messages;
      },
      reloadViewer: () => loadViewer(client),
    }),
    [status, viewer, client, loadViewer],
  );

  return (
    <AuthContext.Provider value={auth}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </AuthContext.Provider>
  );
}
