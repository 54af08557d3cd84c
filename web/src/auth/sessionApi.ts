import { Client, fetchExchange } from '@urql/core';
import type {
  InvitationAcceptInput,
  SessionCreateInput,
  SignupConfirmInput,
  TenantCreateInput,
  ViewerFieldsFragment,
} from '../gql/graphql';
import { isUnauthenticated } from '../graphql/errors';
import { languageHeaders } from '../graphql/language';
import { GRAPHQL_URL } from '../graphql/url';
import type { UserErrorLike } from '../lib/userErrors';
import {
  InvitationAcceptMutation,
  SessionCreateMutation,
  SessionRefreshMutation,
  SessionRevokeMutation,
  SignupConfirmMutation,
  TenantCreateMutation,
} from './documents';
import type { RefreshOutcome } from './session';
import { tokensFromPayload, type Tokens } from './tokens';

export type Viewer = ViewerFieldsFragment;

// Session mutations carry their own credentials (password or refresh token) and must not go
// through the auth exchange, which would try to refresh on their failures.
const bare = new Client({
  url: GRAPHQL_URL,
  exchanges: [fetchExchange],
  requestPolicy: 'network-only',
  preferGetMethod: false,
  fetchOptions: () => ({ headers: languageHeaders() }),
});

export type LoginResult =
  | { ok: true; tokens: Tokens; viewer: Viewer | null }
  | { ok: false; userErrors: UserErrorLike[] };

/** sessionCreate. Throws on network/server failure. */
export async function login(input: SessionCreateInput): Promise<LoginResult> {
  const result = await bare.mutation(SessionCreateMutation, { input }).toPromise();
  if (result.error) throw result.error;
  const payload = result.data?.sessionCreate;
  const tokens = payload ? tokensFromPayload(payload) : null;
  if (!payload || !tokens) return { ok: false, userErrors: payload?.userErrors ?? [] };
  return { ok: true, tokens, viewer: payload.viewer ?? null };
}

/** invitationAccept: joins the tenant (creating the account if needed) and signs in. */
export async function acceptInvitation(input: InvitationAcceptInput): Promise<LoginResult> {
  const result = await bare.mutation(InvitationAcceptMutation, { input }).toPromise();
  if (result.error) throw result.error;
  const payload = result.data?.invitationAccept;
  const tokens = payload ? tokensFromPayload(payload) : null;
  if (!payload || !tokens) return { ok: false, userErrors: payload?.userErrors ?? [] };
  return { ok: true, tokens, viewer: payload.viewer ?? null };
}

/** signupConfirm: the link of the sign-up mail confirms the address and signs in to the new tenant. */
export async function confirmSignup(input: SignupConfirmInput): Promise<LoginResult> {
  const result = await bare.mutation(SignupConfirmMutation, { input }).toPromise();
  if (result.error) throw result.error;
  const payload = result.data?.signupConfirm;
  const tokens = payload ? tokensFromPayload(payload) : null;
  if (!payload || !tokens) return { ok: false, userErrors: payload?.userErrors ?? [] };
  return { ok: true, tokens, viewer: payload.viewer ?? null };
}

/**
 * What a sign-up answered: the answer is in the mail (alike whether or not the address has an
 * account), or a sign-in (an existing, confirmed account's own password) or its refusal.
 */
export type SignUpResult = { mailSent: true } | { mailSent: false; login: LoginResult };

/** tenantCreate. Throws on network/server failure. */
export async function signUp(input: TenantCreateInput): Promise<SignUpResult> {
  const result = await bare.mutation(TenantCreateMutation, { input }).toPromise();
  if (result.error) throw result.error;
  const payload = result.data?.tenantCreate;
  const userErrors = payload?.userErrors ?? [];
  if (payload?.mailSent && userErrors.length === 0) return { mailSent: true };
  const tokens = payload ? tokensFromPayload(payload) : null;
  if (!payload || !tokens) return { mailSent: false, login: { ok: false, userErrors } };
  return { mailSent: false, login: { ok: true, tokens, viewer: payload.viewer ?? null } };
}

/** sessionRefresh, optionally switching tenant. Rejection resolves `{ ok: false }`; outages throw. */
export async function refresh(refreshToken: string, tenantId?: string): Promise<RefreshOutcome<Viewer>> {
  const input = tenantId === undefined ? { refreshToken } : { refreshToken, tenantId };
  const result = await bare.mutation(SessionRefreshMutation, { input }).toPromise();
  if (result.error) {
    if (isUnauthenticated(result.error)) return { ok: false, messages: [] };
    throw result.error;
  }
  const payload = result.data?.sessionRefresh;
  const tokens = payload ? tokensFromPayload(payload) : null;
  if (!payload || !tokens) return { ok: false, messages: (payload?.userErrors ?? []).map((e) => e.message) };
  return { ok: true, tokens, viewer: payload.viewer ?? null };
}

/** sessionRevoke; best effort (the tokens are dropped locally either way). */
export async function revoke(refreshToken: string): Promise<void> {
  await bare.mutation(SessionRevokeMutation, { input: { refreshToken } }).toPromise();
}
