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
