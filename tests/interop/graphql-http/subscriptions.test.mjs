// graphql-ws's own client (`createClient`, the reference client of the
// graphql-transport-ws protocol, over the `ws` package) on `/graphql/ws`: a
// subscription ends when the right to it ends, with the protocol's close
// codes (README, "Subscriptions end with the right to them"):
//
// - 4403 when the subscriber is removed from the tenant, demoted to a role
//   that may not read the audit log, or is a partner client that is revoked,
//   and no audit entry committed after the change reaches them before the
//   close (the per-event re-check), with the owner at work in the tenant
//   meanwhile; a new client with the same token is refused the subscription;
// - 4401 when the access token expires: on a server of its own, started from
//   $SILKPORT_BIN with 3-second access tokens, so the shared server keeps
//   the default lifetime the other interop tests use.
//
// Against the server at $SILKPORT_URL, the embedded default with its demo
// tenant `demo`; the invited admins join through the link in their mail,
// read from that server's outbox folder $SILKPORT_OUTBOX (`<its folder>/data/outbox`).
// Without SILKPORT_OUTBOX or SILKPORT_BIN the tests that need them fail under
// CI=true and are reported skipped otherwise.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { invitationLink } from '../../../web/e2e/outbox.mjs';

const base = process.env.SILKPORT_URL?.replace(/\/+$/, '');
if (!base) throw new Error('set SILKPORT_URL to a running Silkport server, e.g. http://127.0.0.1:8080');
const OUTBOX = process.env.SILKPORT_OUTBOX;
const BIN = process.env.SILKPORT_BIN;

function needs(value, name, what) {
  if (value) return {};
  if (process.env.CI === 'true') throw new Error(`${name} is not set: ${what}`);
  return { skip: `set ${name}: ${what}` };
}

const DEMO = { email: 'owner@demo.silkport.test', password: 'silkport-demo', tenantSlug: 'demo' };
const AUDIT = 'subscription { auditEntryAdded { action subjectId at after } }';
/** The close codes of graphql-transport-ws ("Termination"). */
const UNAUTHORIZED = 4401;
const FORBIDDEN = 4403;
/** Seconds past `exp` the server still accepts a token, for clock skew (api/src/auth/tokens.rs). */
const LEEWAY_SECS = 5;
/** Tells this run's addresses, tenant names and clients from an earlier run's on the same server. */
const RUN = randomBytes(4).toString('hex');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether `check()` holds within `ms`, polled. */
async function within(ms, check) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (check()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(20);
  }
}

async function gql(url, token, query, variables = {}) {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json;q=0.9',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    // Password checks are answered THROTTLED while every hashing slot is busy; a client retries.
    const throttled = body.errors?.find((e) => e.extensions?.code === 'THROTTLED');
    if (throttled && attempt < 10) {
      await sleep(1000 * (throttled.extensions.retryAfterSeconds ?? 1));
      continue;
    }
    return body;
  }
}

/** Runs a mutation that must succeed; returns its payload. */
async function mutate(url, token, field, query, variables) {
  const body = await gql(url, token, query, variables);
  assert.equal(body.errors, undefined, `${field}: ${JSON.stringify(body.errors)}`);
  assert.deepEqual(body.data[field].userErrors, [], `${field}: ${JSON.stringify(body.data[field].userErrors)}`);
  return body.data[field];
}

async function signIn(url) {
  return mutate(
    url,
    null,
    'sessionCreate',
    'mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { accessToken expiresAt userErrors { code message } } }',
    { input: DEMO },
  );
}

/** An audit entry that every subscriber of the tenant hears: renaming it. */
async function rename(url, token, name) {
  await mutate(url, token, 'tenantUpdate', 'mutation($n: String!) { tenantUpdate(input: {name: $n}) { userErrors { code message } } }', {
    n: name,
  });
}

/**
 * A graphql-ws client subscribed to `auditEntryAdded` with `token` in
 * `connection_init`. It connects at once and stays connected without
 * subscriptions (`lazy: false`), so that the close seen is the server's; it
 * does not retry (graphql-ws would reconnect after 4403, "might grant access
 * after retry"; that path is checked with `refusal` below).
 */
function subscriber(url, token) {
  const events = [];
  const sub = { events, closed: null, acked: false };
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql/ws`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    on: {
      connected: () => {
        sub.acked = true;
      },
      closed: (event) => {
        sub.closed ??= { code: event.code, reason: String(event.reason), at: Date.now() };
      },
    },
  });
  client.subscribe(
    { query: AUDIT },
    {
      next: (value) => events.push({ kind: 'next', value, at: Date.now() }),
      error: (error) => events.push({ kind: 'error', value: error, at: Date.now() }),
      complete: () => events.push({ kind: 'complete', at: Date.now() }),
    },
  );
  sub.entries = (from = 0) => events.slice(from).filter((e) => e.kind === 'next' && e.value.data?.auditEntryAdded);
  sub.dispose = () => client.dispose();
  return sub;
}

const show = (value) => JSON.stringify(value, (_, v) => (v instanceof Error ? { name: v.name, message: v.message, code: v.code } : v));

/**
 * Proves that `sub` is subscribed and delivering before anything is
 * concluded from what follows: renames the tenant (again, while the
 * subscription may still be starting) until `sub` hears it, then waits for
 * stragglers; returns the index of the first event after that.
 */
async function proveLive(url, ownerToken, sub, label) {
  const prefix = `ws-live ${label} ${RUN} `;
  let heard = false;
  for (let attempt = 0; attempt < 20 && !heard; attempt += 1) {
    await rename(url, ownerToken, `${prefix}${attempt}`);
    heard = await within(500, () => sub.entries().some((e) => e.value.data.auditEntryAdded.after?.name?.startsWith(prefix)));
    assert.equal(sub.closed, null, `${label}: the socket closed before it delivered anything: ${show(sub)}`);
  }
  assert.ok(heard, `${label}: the subscription never delivered its tenant's events: ${show(sub.events)}`);
  // Stragglers (other tests may keep the tenant busy: at most 2 s).
  const settling = Date.now() + 2000;
  for (let count = -1; count !== sub.events.length && Date.now() < settling; ) {
    count = sub.events.length;
    await sleep(400);
  }
  assert.deepEqual(
    sub.events.filter((e) => e.kind !== 'next' || e.value.errors),
    [],
    `${label}: only entries while the right holds`,
  );
  return sub.events.length;
}

/**
 * What a new graphql-ws client (its defaults, lazy) gets when subscribing
 * with `token`: the error code of the refusal; fails when the subscription
 * is accepted (then nothing comes within 5 s) or the socket is closed.
 */
async function refusal(url, token) {
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql/ws`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  try {
    const answer = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ kind: 'nothing within 5 s' }), 5000);
      const done = (kind) => (value) => {
        clearTimeout(timer);
        resolve({ kind, value });
      };
      client.subscribe({ query: AUDIT }, { next: done('next'), error: done('error'), complete: done('complete') });
    });
    // A resolver's refusal is an execution result (`next` with errors); an
    // `error` message carries the errors alone.
    const errors = answer.kind === 'next' ? answer.value.errors : answer.kind === 'error' && Array.isArray(answer.value) ? answer.value : null;
    assert.ok(errors?.length, `the subscription was not refused: ${show(answer)}`);
    if (answer.kind === 'next') assert.equal(answer.value.data ?? null, null, show(answer));
    return errors[0].extensions?.code;
  } finally {
    await client.dispose();
  }
}

/**
 * The owner renaming the tenant over and over, as someone at work in it
 * would, so that entries are being delivered and re-checked while a change
 * commits; `sent` has when each name was sent.
 */
function busyOwner(url, ownerToken, label) {
  const sent = new Map();
  let running = true;
  const done = (async () => {
    for (let n = 0; running; n += 1) {
      const name = `ws-busy ${label} ${RUN} ${n}`;
      sent.set(name, Date.now());
      await rename(url, ownerToken, name);
    }
  })();
  const stop = async () => {
    running = false;
    await done;
  };
  return { sent, stop };
}

/**
 * After `change()` (whose audit entry is `action` on `subject`), made while
 * the owner is busy in the tenant: the server closes `sub` with `code`
 * within 5 s, and no entry committed after the change reaches it first: not the change's
 * own entry, not a rename sent once the change had been answered, nor one
 * more rename after that (the per-event re-check). Renames sent before the
 * change was answered may be heard: they may have committed before it.
 */
async function assertClosedAfterChange({ url, ownerToken, sub, mark, label, code, action, subject, change }) {
  const busy = busyOwner(url, ownerToken, label);
  const secret = `ws-secret ${label} ${RUN}`;
  let changing;
  let changed;
  let renamed;
  try {
    await sleep(200);
    changing = Date.now();
    await change();
    changed = Date.now();
    await rename(url, ownerToken, secret);
    renamed = Date.now();
    await within(5000, () => sub.closed);
  } finally {
    await busy.stop();
  }
  const times = (at) => `${at - changing} ms after the change was sent`;
  const since = sub.events.slice(mark);
  assert.ok(sub.closed, `${label}: the socket was still open 5 s after the change; it heard ${since.length} messages, the last: ${show(since.slice(-3))}`);
  assert.equal(sub.closed.code, code, `${label}: closed with ${sub.closed.code} ${sub.closed.reason}`);
  assert.match(sub.closed.reason, /Forbidden/, `${label}: the close reason`);
  await sleep(100);
  const heard = sub.entries(mark).map((e) => ({ ...e.value.data.auditEntryAdded, receivedAt: e.at }));
  const leaked = heard.filter(
    (entry) =>
      (entry.action === action && entry.subjectId === subject) ||
      entry.after?.name === secret ||
      busy.sent.get(entry.after?.name) >= changed,
  );
  assert.deepEqual(
    leaked.slice(0, 10).map((entry) => `${entry.action} ${entry.after?.name ?? ''} received ${times(entry.receivedAt)}`),
    [],
    `${label}: entries committed after the change reached the subscriber (the change was answered ${times(changed)}, ` +
      `the rename after it ${times(renamed)}, the socket closed ${times(sub.closed.at)}; ${leaked.length} such entries, ` +
      `${busy.sent.size} busy renames, the last sent ${times(Math.max(...busy.sent.values()))})`,
  );
  // The subscription ended either with the close (sink.error gets the
  // CloseEvent) or, when an entry was re-checked first, with the refusal of
  // that entry and `complete`.
  const ends = sub.events.slice(mark);
  const closeEvent = ends.find((e) => e.kind === 'error');
  const refused = ends.find((e) => e.kind === 'next' && e.value.errors?.length);
  if (closeEvent) {
    assert.equal(closeEvent.value.code, code, `${label}: sink.error got ${show(closeEvent.value)}`);
  } else {
    assert.ok(refused, `${label}: the subscription ended with neither the close nor a refusal: ${show(ends.slice(-5))}`);
    assert.ok(['UNAUTHENTICATED', 'FORBIDDEN'].includes(refused.value.errors[0].extensions?.code), show(refused));
    assert.ok(ends.some((e) => e.kind === 'complete'), `${label}: refused, then complete: ${show(ends)}`);
  }
}

describe('graphql-ws client: subscriptions end when the right to them ends', { concurrency: true }, () => {
  // At once, like people at work in one tenant: each test tells what it caused (its own
  // names and subjects) from what the others do meanwhile.
  describe('on the shared server (demo tenant)', { concurrency: true }, () => {
    let owner;
    let originalName;

    before(async () => {
      owner = (await signIn(base)).accessToken;
      const tenant = await gql(base, owner, '{ tenant { name } }');
      originalName = tenant.data.tenant.name;
    });

    after(async () => {
      if (owner && originalName) await rename(base, owner, originalName);
    });

    /** A new member of the demo tenant with `role`, invited by the owner, joined through the mailed link. */
    async function newMember(role, label) {
      const email = `ws-${label}-${RUN}@interop.example.com`;
      await mutate(
        base,
        owner,
        'memberInvite',
        'mutation($input: MemberInviteInput!) { memberInvite(input: $input) { invitation { id } userErrors { code message } } }',
        { input: { email, role } },
      );
      let link = null;
      await within(20_000, () => {
        try {
          link = invitationLink(OUTBOX, email);
        } catch {
          link = null; // the outbox folder is made with the first mail
        }
        return link;
      });
      assert.ok(link, `no invitation mail to ${email} in ${OUTBOX} within 20 s`);
      const accepted = await mutate(
        base,
        null,
        'invitationAccept',
        'mutation($input: InvitationAcceptInput!) { invitationAccept(input: $input) { accessToken viewer { role } userErrors { code message } } }',
        { input: { token: new URL(link).searchParams.get('token'), name: `WS ${label}`, password: `Ws-${RUN}-pass-9` } },
      );
      assert.equal(accepted.viewer.role, role);
      return { email, token: accepted.accessToken };
    }

    async function memberId(email, role) {
      const listed = await gql(base, owner, 'query($r: Role) { members(first: 100, role: $r) { nodes { id user { email } } } }', { r: role });
      const member = listed.data.members.nodes.find((m) => m.user.email === email);
      assert.ok(member, `${email} is not among the ${role} members: ${show(listed)}`);
      return member.id;
    }

    const outbox = needs(OUTBOX, 'SILKPORT_OUTBOX', "the shared server's mail outbox folder (<its folder>/data/outbox), to read the invitation link");

    test('a removed admin: closed with 4403, nothing heard after the removal, not let back in', outbox, async () => {
      const admin = await newMember('ADMIN', 'removed');
      const sub = subscriber(base, admin.token);
      try {
        const mark = await proveLive(base, owner, sub, 'removed admin');
        assert.ok(sub.acked, 'connection_ack came');
        const id = await memberId(admin.email, 'ADMIN');
        await assertClosedAfterChange({
          url: base,
          ownerToken: owner,
          sub,
          mark,
          label: 'removed admin',
          code: FORBIDDEN,
          action: 'member.remove',
          subject: id,
          change: () =>
            mutate(base, owner, 'memberRemove', 'mutation($m: ID!) { memberRemove(input: {memberId: $m}) { userErrors { code message } } }', {
              m: id,
            }),
        });
      } finally {
        await sub.dispose();
      }
      assert.equal(await refusal(base, admin.token), 'UNAUTHENTICATED', 'the same token subscribing again');
    });

    test('an admin demoted to viewer: closed with 4403, nothing heard after the demotion, refused again', outbox, async () => {
      const admin = await newMember('ADMIN', 'demoted');
      const sub = subscriber(base, admin.token);
      try {
        const mark = await proveLive(base, owner, sub, 'demoted admin');
        const id = await memberId(admin.email, 'ADMIN');
        await assertClosedAfterChange({
          url: base,
          ownerToken: owner,
          sub,
          mark,
          label: 'demoted admin',
          code: FORBIDDEN,
          action: 'member.role_change',
          subject: id,
          change: () =>
            mutate(
              base,
              owner,
              'memberRoleChange',
              'mutation($m: ID!) { memberRoleChange(input: {memberId: $m, role: VIEWER}) { userErrors { code message } } }',
              { m: id },
            ),
        });
      } finally {
        await sub.dispose();
      }
      // Still a member, now a viewer: signed in, but may not read the audit log.
      assert.equal(await refusal(base, admin.token), 'FORBIDDEN', 'the same token subscribing again');
    });

    test('a revoked partner API client: closed with 4403, nothing heard after the revocation, not let back in', async () => {
      const created = await mutate(
        base,
        owner,
        'apiClientCreate',
        'mutation($n: String!) { apiClientCreate(input: {name: $n, scopes: [AUDIT_READ, TENANT_READ]}) { apiClient { id clientId } clientSecret userErrors { code message } } }',
        { n: `graphql-ws interop ${RUN}` },
      );
      const response = await fetch(`${base}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: created.apiClient.clientId,
          client_secret: created.clientSecret,
        }),
      });
      const issued = await response.json();
      assert.equal(response.status, 200, show(issued));
      assert.match(issued.scope, /audit:read/);
      const sub = subscriber(base, issued.access_token);
      try {
        const mark = await proveLive(base, owner, sub, 'partner client');
        await assertClosedAfterChange({
          url: base,
          ownerToken: owner,
          sub,
          mark,
          label: 'revoked client',
          code: FORBIDDEN,
          action: 'api_client.revoke',
          subject: created.apiClient.id,
          change: () =>
            mutate(base, owner, 'apiClientRevoke', 'mutation($id: ID!) { apiClientRevoke(input: {id: $id}) { userErrors { code message } } }', {
              id: created.apiClient.id,
            }),
        });
      } finally {
        await sub.dispose();
      }
      assert.equal(await refusal(base, issued.access_token), 'UNAUTHENTICATED', 'the revoked client subscribing again');
    });
  });

  test(
    'an expiring access token: closed with 4401 at expiry, not before (own server, 3 s tokens)',
    needs(BIN, 'SILKPORT_BIN', 'the silkport binary, to serve 3-second access tokens'),
    async (t) => {
      const server = await serve(BIN, { SILKPORT_ACCESS_TOKEN_TTL_SECS: '3' });
      t.after(() => server.stop());
      const session = await signIn(server.url);
      const claims = JSON.parse(Buffer.from(session.accessToken.split('.')[1], 'base64url').toString('utf8'));
      const exp = claims.exp * 1000;
      assert.ok(Math.abs(Date.parse(session.expiresAt) - exp) < 1000, `expiresAt ${session.expiresAt} is the token's exp ${exp}`);
      assert.ok(exp - Date.now() <= 3000 + 1000, `a 3-second token: exp is ${exp - Date.now()} ms away`);

      const sub = subscriber(server.url, session.accessToken);
      try {
        await proveLive(server.url, session.accessToken, sub, 'expiring token');
        // The same token over HTTP, until it is refused: the socket must not
        // close while the token still works there, nor stay open long after.
        let lastAcceptedSentAt = 0;
        let firstRefusedAt = null;
        const deadline = exp + (LEEWAY_SECS + 4) * 1000;
        while (Date.now() < deadline && (firstRefusedAt === null || sub.closed === null)) {
          if (firstRefusedAt === null) {
            const sentAt = Date.now();
            const answer = await gql(server.url, session.accessToken, '{ viewer { role } }');
            if (answer.data?.viewer?.role === 'OWNER') lastAcceptedSentAt = sentAt;
            else {
              assert.equal(answer.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED', show(answer));
              firstRefusedAt = Date.now();
            }
          }
          await sleep(200);
        }
        assert.ok(sub.closed, `the socket was still open ${LEEWAY_SECS + 4} s after exp: ${show(sub.events)}\n${server.log()}`);
        assert.equal(sub.closed.code, UNAUTHORIZED, `closed with ${sub.closed.code} ${sub.closed.reason}`);
        assert.match(sub.closed.reason, /Unauthorized/);
        assert.ok(sub.closed.at >= exp, `closed ${exp - sub.closed.at} ms before the token's exp`);
        assert.ok(
          sub.closed.at <= exp + (LEEWAY_SECS + 2) * 1000,
          `closed ${sub.closed.at - exp} ms after exp (the leeway is ${LEEWAY_SECS} s)`,
        );
        assert.ok(lastAcceptedSentAt < sub.closed.at, 'the socket closed while the token still worked over HTTP');
        assert.ok(firstRefusedAt, 'HTTP refused the token by then');
        assert.ok(sub.closed.at <= firstRefusedAt + 2000, `closed ${sub.closed.at - firstRefusedAt} ms after HTTP refused the token`);
        const ended = sub.events.find((e) => e.kind === 'error');
        assert.equal(ended?.value?.code, UNAUTHORIZED, `sink.error got the CloseEvent: ${show(sub.events.at(-1))}`);
        t.diagnostic(`closed ${sub.closed.at - exp} ms after exp; HTTP refused ${firstRefusedAt - exp} ms after exp`);
      } finally {
        await sub.dispose();
      }
    },
  );
});

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * `silkport serve` from an empty folder (the embedded default, demo tenant
 * included) on a free port, with `env` on top of a clean environment (no
 * DATABASE_URL or the like of whoever runs the tests); ready once `/readyz` answers.
 */
async function serve(bin, env) {
  const dir = mkdtempSync(join(tmpdir(), 'silkport-ws-'));
  const port = await freePort();
  const child = spawn(bin, ['serve'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      SILKPORT_BIND: `127.0.0.1:${port}`,
      SILKPORT_LOG_FORMAT: 'pretty',
      SILKPORT_SHUTDOWN_GRACE_MS: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk) => {
    log = (log + chunk).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`${bin} serve exited (${show(exited)}) before it was ready:\n${log}`);
    }
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${bin} serve was not ready within 60 s:\n${log}`);
    }
    await sleep(100);
  }
  return { url, stop, log: () => log };
}
