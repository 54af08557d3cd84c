/**
 * Runs each sign-up confirmation once per page load. The link is single use: a second
 * `signupConfirm` (React StrictMode runs effects twice in development, a remount runs them
 * again) would answer LINK_USED after the first one had signed in. Every caller for a token
 * shares the first call's promise; only a call that did not reach the server (it threw) is
 * forgotten, so that it can be tried again.
 */
export function oncePerToken<T>(): (token: string, run: () => Promise<T>) => Promise<T> {
  const calls = new Map<string, Promise<T>>();
  return (token, run) => {
    let call = calls.get(token);
    if (!call) {
      call = run();
      calls.set(token, call);
      call.catch(() => calls.delete(token));
    }
    return call;
  };
}
