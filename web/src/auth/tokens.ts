/** Access/refresh token pair as kept in the browser. `expiresAt` is epoch milliseconds. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

/** The subset of the Web Storage API the store needs (localStorage in the app, a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const SESSION_STORAGE_KEY = 'silkport.session';

/**
 * Persists the token pair. It reads storage on every call (no in-memory copy), so tabs that
 * share localStorage see each other's rotated refresh tokens.
 */
export class TokenStore {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly key: string = SESSION_STORAGE_KEY,
  ) {}

  get(): Tokens | null {
    const raw = this.storage.getItem(this.key);
    if (!raw) return null;
    try {
      const value: unknown = JSON.parse(raw);
      return isTokens(value) ? value : null;
    } catch {
      return null;
    }
  }

  set(tokens: Tokens): void {
    this.storage.setItem(this.key, JSON.stringify(tokens));
  }

  clear(): void {
    this.storage.removeItem(this.key);
  }
}

function isTokens(value: unknown): value is Tokens {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.accessToken === 'string' &&
    typeof v.refreshToken === 'string' &&
    typeof v.expiresAt === 'number'
  );
}

/** Builds tokens from an AuthPayload; null when the server did not issue both tokens. */
export function tokensFromPayload(payload: {
  accessToken?: string | null;
  refreshToken?: string | null;
  expiresAt?: string | null;
}): Tokens | null {
  const { accessToken, refreshToken, expiresAt } = payload;
  if (!accessToken || !refreshToken) return null;
  const parsed = expiresAt ? Date.parse(expiresAt) : Number.NaN;
  // Unknown expiry: never refresh ahead of time, only on an UNAUTHENTICATED error.
  return { accessToken, refreshToken, expiresAt: Number.isNaN(parsed) ? Number.MAX_SAFE_INTEGER : parsed };
}
