/** Structural view of urql's CombinedError, so the checks are testable without a client. */
export interface ErrorLike {
  graphQLErrors?: ReadonlyArray<{ extensions?: Record<string, unknown> | null }>;
  response?: { status?: number } | null;
}

export function hasErrorCode(error: ErrorLike | null | undefined, code: string): boolean {
  return error?.graphQLErrors?.some((e) => e.extensions?.code === code) ?? false;
}

/** The server's signal that the access token is missing, expired or revoked. */
export function isUnauthenticated(error: ErrorLike | null | undefined): boolean {
  return hasErrorCode(error, 'UNAUTHENTICATED') || error?.response?.status === 401;
}

/**
 * The server's own words for a failed operation (a GraphQL error such as THROTTLED, worded in
 * the portal's language), or null for a network failure, which has none.
 */
export function serverMessage(error: unknown): string | null {
  const errors = (error as { graphQLErrors?: ReadonlyArray<{ message?: unknown }> } | null)?.graphQLErrors;
  const message = errors?.find((e) => typeof e.message === 'string' && e.message.trim() !== '')?.message;
  return typeof message === 'string' ? message : null;
}
