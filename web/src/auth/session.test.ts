import { describe, expect, it, vi } from 'vitest';
import { Session, type RefreshFn, type SessionEvent } from './session';
import { MemoryStorage } from './memoryStorage';
import { TokenStore, type Tokens } from './tokens';

const NOW = 1_000_000;
const tokens = (n: number, expiresAt = NOW + 3_600_000): Tokens => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresAt,
});

function setup(refresh: RefreshFn<string>, initial: Tokens | null = tokens(1)) {
  const store = new TokenStore(new MemoryStorage());
  if (initial) store.set(initial);
  let now = NOW;
  const session = new Session<string>({ store, refresh, now: () => now, skewMs: 30_000 });
  const events: SessionEvent<string>[] = [];
  session.subscribe((e) => events.push(e));
  return { store, session, events, advance: (ms: number) => (now += ms) };
}

describe('Session', () => {
  it('starts with the login tokens and exposes the access token', () => {
    const { session, events } = setup(vi.fn(), null);
    expect(session.isActive()).toBe(false);
    session.start(tokens(7), 'viewer');
    expect(session.accessToken()).toBe('access-7');
    expect(events).toEqual([{ type: 'started', viewer: 'viewer' }]);
  });

  it('asks for a refresh only within the skew before expiry', () => {
    const { session, advance } = setup(vi.fn(), tokens(1, NOW + 60_000));
    expect(session.needsRefresh()).toBe(false);
    advance(29_999);
    expect(session.needsRefresh()).toBe(false);
    advance(1);
    expect(session.needsRefresh()).toBe(true);
  });

  it('stores the rotated refresh token', async () => {
    const refresh = vi.fn<RefreshFn<string>>().mockResolvedValue({ ok: true, tokens: tokens(2), viewer: 'v2' });
    const { session, store, events } = setup(refresh);
    await expect(session.refresh()).resolves.toBe(true);
    expect(refresh).toHaveBeenCalledWith('refresh-1', undefined);
    expect(store.get()).toEqual(tokens(2));
    expect(events).toEqual([{ type: 'refreshed', viewer: 'v2', tenantSwitched: false }]);
  });

  it('shares one request between concurrent refreshes (a rotated token is spent once)', async () => {
    let resolve!: (v: Awaited<ReturnType<RefreshFn<string>>>) => void;
    const refresh = vi.fn<RefreshFn<string>>(() => new Promise((r) => (resolve = r)));
    const { session } = setup(refresh);
    const all = Promise.all([session.refresh(), session.refresh(), session.refresh()]);
    await Promise.resolve();
    resolve({ ok: true, tokens: tokens(2), viewer: null });
    await expect(all).resolves.toEqual([true, true, true]);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('ends the session when the server rejects the refresh token', async () => {
    const refresh = vi.fn<RefreshFn<string>>().mockResolvedValue({ ok: false, messages: ['expired'] });
    const { session, store, events } = setup(refresh);
    await expect(session.refresh()).resolves.toBe(false);
    expect(store.get()).toBeNull();
    expect(events).toEqual([{ type: 'ended' }]);
  });

  it('keeps the tokens when the server cannot be reached', async () => {
    const refresh = vi.fn<RefreshFn<string>>().mockRejectedValue(new Error('offline'));
    const { session, store, events } = setup(refresh);
    await expect(session.refresh()).rejects.toThrow('offline');
    expect(store.get()).toEqual(tokens(1));
    expect(events).toEqual([]);
    // and a later attempt is made afresh
    refresh.mockResolvedValue({ ok: true, tokens: tokens(2), viewer: null });
    await expect(session.refresh()).resolves.toBe(true);
  });

  it('does nothing without a session', async () => {
    const refresh = vi.fn<RefreshFn<string>>();
    const { session } = setup(refresh, null);
    await expect(session.refresh()).resolves.toBe(false);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('uses tokens another tab rotated while it waited for the lock', async () => {
    const store = new TokenStore(new MemoryStorage());
    store.set(tokens(1, NOW));
    const refresh = vi.fn<RefreshFn<string>>();
    const session = new Session<string>({
      store,
      refresh,
      now: () => NOW,
      withLock: async (fn) => {
        store.set(tokens(2)); // the other tab finished first
        return fn();
      },
    });
    await expect(session.refresh()).resolves.toBe(true);
    expect(refresh).not.toHaveBeenCalled();
    expect(session.accessToken()).toBe('access-2');
  });

  it('switches tenant by refreshing with a tenantId and replacing both tokens', async () => {
    const refresh = vi.fn<RefreshFn<string>>().mockResolvedValue({ ok: true, tokens: tokens(3), viewer: 'other' });
    const { session, store, events } = setup(refresh);
    const outcome = await session.switchTenant('gid://silkport/Tenant/2');
    expect(outcome.ok).toBe(true);
    expect(refresh).toHaveBeenCalledWith('refresh-1', 'gid://silkport/Tenant/2');
    expect(store.get()).toEqual(tokens(3));
    expect(events).toEqual([{ type: 'refreshed', viewer: 'other', tenantSwitched: true }]);
  });

  it('keeps the current tenant when a switch is refused', async () => {
    const refresh = vi.fn<RefreshFn<string>>().mockResolvedValue({ ok: false, messages: ['not a member'] });
    const { session, store } = setup(refresh);
    await expect(session.switchTenant('t2')).resolves.toEqual({ ok: false, messages: ['not a member'] });
    expect(store.get()).toEqual(tokens(1));
  });

  it('forgets the tokens on end()', () => {
    const { session, store, events } = setup(vi.fn());
    session.end();
    expect(store.get()).toBeNull();
    expect(session.accessToken()).toBeNull();
    expect(events).toEqual([{ type: 'ended' }]);
  });
});
