import { describe, expect, it } from 'vitest';
import { MemoryStorage } from './memoryStorage';
import { SESSION_STORAGE_KEY, TokenStore, tokensFromPayload } from './tokens';

describe('TokenStore', () => {
  it('round-trips and clears the token pair', () => {
    const store = new TokenStore(new MemoryStorage());
    expect(store.get()).toBeNull();
    store.set({ accessToken: 'a', refreshToken: 'r', expiresAt: 42 });
    expect(store.get()).toEqual({ accessToken: 'a', refreshToken: 'r', expiresAt: 42 });
    store.clear();
    expect(store.get()).toBeNull();
  });

  it('ignores corrupt or foreign storage content', () => {
    const storage = new MemoryStorage();
    const store = new TokenStore(storage);
    storage.setItem(SESSION_STORAGE_KEY, '{not json');
    expect(store.get()).toBeNull();
    storage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: 'a' }));
    expect(store.get()).toBeNull();
  });

  it('sees tokens rotated by another tab (no in-memory copy)', () => {
    const storage = new MemoryStorage();
    const a = new TokenStore(storage);
    const b = new TokenStore(storage);
    a.set({ accessToken: 'a1', refreshToken: 'r1', expiresAt: 1 });
    b.set({ accessToken: 'a2', refreshToken: 'r2', expiresAt: 2 });
    expect(a.get()?.refreshToken).toBe('r2');
  });
});

describe('tokensFromPayload', () => {
  it('parses the RFC 3339 expiry', () => {
    expect(
      tokensFromPayload({ accessToken: 'a', refreshToken: 'r', expiresAt: '2030-01-01T00:00:00Z' }),
    ).toEqual({ accessToken: 'a', refreshToken: 'r', expiresAt: Date.UTC(2030, 0, 1) });
  });

  it('treats a missing expiry as "refresh only when the server says so"', () => {
    expect(tokensFromPayload({ accessToken: 'a', refreshToken: 'r', expiresAt: null })?.expiresAt).toBe(
      Number.MAX_SAFE_INTEGER,
    );
  });

  it('returns null unless both tokens were issued', () => {
    expect(tokensFromPayload({ accessToken: null, refreshToken: 'r' })).toBeNull();
    expect(tokensFromPayload({ accessToken: 'a', refreshToken: null })).toBeNull();
    expect(tokensFromPayload({})).toBeNull();
  });
});
