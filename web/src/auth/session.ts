import type { Tokens, TokenStore } from './tokens';

/** What the server said to a refresh: new tokens (and viewer), or a definite "no" with its reasons. */
export type RefreshOutcome<V> =
  | { ok: true; tokens: Tokens; viewer: V | null }
  | { ok: false; messages: string[] };

/**
 * Calls sessionRefresh. Resolves `{ ok: false }` when the server rejects the refresh token;
 * throws on network/server failure (the tokens are then kept, the user is not logged out).
 */
export type RefreshFn<V> = (refreshToken: string, tenantId?: string) => Promise<RefreshOutcome<V>>;

export type SessionEvent<V> =
  | { type: 'started'; viewer: V | null }
  | { type: 'refreshed'; viewer: V | null; tenantSwitched: boolean }
  | { type: 'ended' };

export interface SessionOptions<V> {
  store: TokenStore;
  refresh: RefreshFn<V>;
  now?: () => number;
  /** Refresh this long before expiry. */
  skewMs?: number;
  /** Cross-tab mutual exclusion (navigator.locks in the browser). */
  withLock?: <T>(fn: () => Promise<T>) => Promise<T>;
}

const noLock = <T>(fn: () => Promise<T>) => fn();

/** Owns the token pair: when to refresh, single-flight refresh with rotation, tenant switch, logout. */
export class Session<V> {
  private readonly store: TokenStore;
  private readonly refreshFn: RefreshFn<V>;
  private readonly now: () => number;
  private readonly skewMs: number;
  private readonly withLock: <T>(fn: () => Promise<T>) => Promise<T>;
  private inflight: Promise<RefreshOutcome<V>> | null = null;
  private readonly listeners = new Set<(event: SessionEvent<V>) => void>();

  constructor(options: SessionOptions<V>) {
    this.store = options.store;
    this.refreshFn = options.refresh;
    this.now = options.now ?? Date.now;
    this.skewMs = options.skewMs ?? 30_000;
    this.withLock = options.withLock ?? noLock;
  }

  isActive(): boolean {
    return this.store.get() !== null;
  }

  accessToken(): string | null {
    return this.store.get()?.accessToken ?? null;
  }

  refreshToken(): string | null {
    return this.store.get()?.refreshToken ?? null;
  }

  /** True when a session exists and its access token expires within the skew. */
  needsRefresh(): boolean {
    const tokens = this.store.get();
    return tokens !== null && this.isExpiring(tokens);
  }

  start(tokens: Tokens, viewer: V | null): void {
    this.store.set(tokens);
    this.emit({ type: 'started', viewer });
  }

  /** Renews the tokens; concurrent callers share one request. Resolves false when logged out. */
  async refresh(): Promise<boolean> {
    if (!this.inflight) {
      this.inflight = this.renew().finally(() => {
        this.inflight = null;
      });
    }
    return (await this.inflight).ok;
  }

  /** Re-issues both tokens for another tenant of the same user. */
  async switchTenant(tenantId: string): Promise<RefreshOutcome<V>> {
    if (this.inflight) await this.inflight.catch(() => undefined);
    return this.renew(tenantId);
  }

  /** Forgets the tokens locally and tells listeners (the app goes to the login page). */
  end(): void {
    this.store.clear();
    this.emit({ type: 'ended' });
  }

  subscribe(listener: (event: SessionEvent<V>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private isExpiring(tokens: Tokens): boolean {
    return tokens.expiresAt - this.skewMs <= this.now();
  }

  private async renew(tenantId?: string): Promise<RefreshOutcome<V>> {
    const before = this.store.get();
    if (!before) return { ok: false, messages: [] };
    return this.withLock(async () => {
      const current = this.store.get();
      if (!current) return { ok: false, messages: [] };
      // Another tab rotated the tokens while we waited for the lock: use theirs.
      const rotatedElsewhere = current.refreshToken !== before.refreshToken;
      if (tenantId === undefined && rotatedElsewhere && !this.isExpiring(current)) {
        return { ok: true, tokens: current, viewer: null };
      }
      const outcome = await this.refreshFn(current.refreshToken, tenantId);
      if (!outcome.ok) {
        // A rejected tenant switch leaves the current session usable.
        if (tenantId === undefined) this.end();
        return outcome;
      }
      this.store.set(outcome.tokens);
      this.emit({ type: 'refreshed', viewer: outcome.viewer, tenantSwitched: tenantId !== undefined });
      return outcome;
    });
  }

  private emit(event: SessionEvent<V>): void {
    for (const listener of this.listeners) listener(event);
  }
}
