import { authExchange } from '@urql/exchange-auth';
import { cacheExchange, Client, fetchExchange } from 'urql';
import type { Session } from '../auth/session';
import { isUnauthenticated } from './errors';
import { languageHeaders } from './language';
import { GRAPHQL_URL } from './url';

/**
 * The authenticated client: sends the portal's language, adds the bearer token, renews it before
 * expiry and on UNAUTHENTICATED.
 */
export function createClient<V>(session: Session<V>): Client {
  return new Client({
    url: GRAPHQL_URL,
    preferGetMethod: false, // the contract is POST JSON
    fetchOptions: () => ({ headers: languageHeaders() }),
    exchanges: [
      cacheExchange,
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const token = session.accessToken();
          return token ? utils.appendHeaders(operation, { Authorization: `Bearer ${token}` }) : operation;
        },
        willAuthError: () => session.needsRefresh(),
        didAuthError: (error) => isUnauthenticated(error),
        async refreshAuth() {
          // A rejected refresh ends the session (the app shows the login page); an outage
          // keeps the tokens and lets the operation fail with its own error.
          await session.refresh().catch(() => false);
        },
      })),
      fetchExchange,
    ],
  });
}
