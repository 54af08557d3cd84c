import { Session } from './session';
import { refresh, type Viewer } from './sessionApi';
import { TokenStore } from './tokens';

// Tabs share localStorage; the Web Locks API keeps two tabs from spending the same
// (rotating) refresh token at once.
async function withBrowserLock<T>(fn: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !navigator.locks) return fn();
  // lib.dom types the callback as returning T, not Promise<T>; the browser awaits it.
  return navigator.locks.request<Promise<T>>('silkport.session.refresh', fn);
}

/** The app's one session. */
export const session = new Session<Viewer>({
  store: new TokenStore(window.localStorage),
  refresh,
  withLock: withBrowserLock,
});
