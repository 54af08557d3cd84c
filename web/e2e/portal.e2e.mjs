// End-to-end test of the tenant portal against a running `silkport serve`.
//
//   SILKPORT_URL=http://127.0.0.1:8080 npm run e2e
//
// Drives Debian's Chromium through playwright-core. Every step has a deadline, so an
// unreachable server fails fast. Steps run in order; once one fails, the rest are reported
// as failed ("not run"). The last line printed is always "N passed, N failed".
import { AxeBuilder } from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { loadLocale, serverMessage } from './locales.mjs';

const BASE_URL = (process.env.SILKPORT_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OWNER = { email: 'owner@demo.silkport.test', password: 'silkport-demo', tenantSlug: 'demo' };
const RANDOM = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const INVITEE = `e2e-${RANDOM}@example.com`;
// Merchant codes are stored upper case; the server would upper-case a lower-case one too.
const MERCHANT_CODE = `E2E-${RANDOM.toUpperCase()}`;
const MERCHANT_INVITEE = `e2e-m-${RANDOM}@example.com`;
const STEP_TIMEOUT_MS = 60_000;
const RUN_TIMEOUT_MS = 240_000;
const ARTIFACTS = fileURLToPath(new URL('../e2e-artifacts/', import.meta.url));

const text = { en: loadLocale('en'), 'zh-CN': loadLocale('zh-CN') };
const tr = (lang, key) => key.split('.').reduce((node, part) => node?.[part], text[lang]);

const byTestId = (id) => `[data-testid="${id}"]`;

// ---- tiny runner ------------------------------------------------------------------------
const steps = [];
const results = [];
let browser;
let page;

const step = (name, fn) => steps.push({ name, fn });

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000}s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Polls `check` (returning a truthy value when done) until `ms` runs out. */
async function waitUntil(check, ms, what) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what}${last ? ` (${last.message.split('\n')[0]})` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function summary() {
  const passed = results.filter((r) => r.ok).length;
  console.log('');
  console.log('Summary:');
  for (const r of results) console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name}${r.ok ? '' : ` — ${r.error}`}`);
  console.log(`${passed} passed, ${results.length - passed} failed`);
  return results.length - passed;
}

async function screenshot(name) {
  if (!page) return '';
  try {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = `${ARTIFACTS}${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`;
    await withTimeout(page.screenshot({ path: file, fullPage: true }), 10_000, 'screenshot');
    return ` (screenshot: ${file})`;
  } catch {
    return '';
  }
}

async function run() {
  console.log(`Silkport portal e2e against ${BASE_URL} (invitees ${INVITEE}, ${MERCHANT_INVITEE}; merchant ${MERCHANT_CODE})`);
  let blocker = null;
  for (const { name, fn } of steps) {
    if (blocker) {
      results.push({ name, ok: false, error: `not run: "${blocker}" failed` });
      continue;
    }
    const started = Date.now();
    try {
      await withTimeout(fn(), STEP_TIMEOUT_MS, name);
      results.push({ name, ok: true });
      console.log(`PASS  ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    } catch (error) {
      const message = String(error?.message ?? error).split('\n')[0] + (await screenshot(name));
      results.push({ name, ok: false, error: message });
      console.log(`FAIL  ${name}: ${message}`);
      blocker = name;
    }
  }
}

/** Throws with the form's messages (above it, or beside its fields) when there are any. */
async function failOnFormErrors(what) {
  const problem = page.locator(`${byTestId('form-errors')}, .ant-form-item-explain-error`);
  if ((await problem.count()) > 0) throw new Error(`${what}: ${(await problem.allInnerTexts()).join('; ')}`);
}

/** Runs axe on the current page; fails on serious or critical violations, logs the rest. */
async function expectAccessible() {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of violations) {
    const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
    console.log(`  axe ${v.impact}: ${v.id} — ${v.help} (${v.nodes.length}×: ${targets})`);
  }
  if (bad.length > 0) throw new Error(`${bad.length} serious/critical: ${bad.map((v) => v.id).join(', ')}`);
}

// ---- steps ------------------------------------------------------------------------------
step('server answers (portal at / and GraphQL at /graphql)', async () => {
  let html;
  try {
    const response = await fetch(`${BASE_URL}/`, { signal: AbortSignal.timeout(10_000) });
    html = await response.text();
    if (!response.ok) throw new Error(`GET / returned HTTP ${response.status}`);
  } catch (error) {
    throw new Error(`cannot reach ${BASE_URL}/ (${error.cause?.code ?? error.message}); is the server running? Set SILKPORT_URL.`);
  }
  if (!html.includes('id="root"')) throw new Error('GET / is not the portal (web/dist not served?)');
  const gql = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await gql.json().catch(() => null);
  if (!body || !('data' in body || 'errors' in body)) throw new Error(`POST /graphql answered HTTP ${gql.status} without a GraphQL response`);
});

step('browser starts', async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  // Playwright gives every launch a fresh temporary profile (user-data-dir) and removes it on close.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(20_000);
});

step('owner logs in', async () => {
  await page.goto(`${BASE_URL}/`);
  await page.locator(byTestId('login-email')).waitFor();
  await page.locator(byTestId('login-email')).fill(OWNER.email);
  await page.locator(byTestId('login-password')).fill(OWNER.password);
  await page.locator(byTestId('login-tenant')).fill(OWNER.tenantSlug);
  await page.locator(byTestId('login-submit')).click();
  await waitUntil(
    async () => {
      if (await page.locator(byTestId('nav-members')).isVisible()) return true;
      const problem = page.locator(`${byTestId('form-errors')}, .ant-form-item-explain-error`);
      if ((await problem.count()) > 0) throw new Error(`login refused: ${(await problem.allInnerTexts()).join('; ')}`);
      return false;
    },
    15_000,
    'no "Members" menu entry after signing in',
  );
});

step('language switches English ⇄ 中文 and is remembered after reload', async () => {
  const members = page.locator(byTestId('nav-members'));
  const expectLabel = async (lang) => {
    const wanted = tr(lang, 'nav.members');
    await waitUntil(async () => (await members.innerText()).trim() === wanted, 5_000, `menu label is not "${wanted}" (${lang})`);
    const htmlLang = await page.evaluate(() => document.documentElement.lang);
    if (htmlLang !== lang) throw new Error(`<html lang> is "${htmlLang}", expected "${lang}"`);
  };
  await page.locator(byTestId('lang-en')).click();
  await expectLabel('en');
  await page.locator(byTestId('lang-zh-CN')).click();
  await expectLabel('zh-CN');
  await page.reload();
  await members.waitFor();
  await expectLabel('zh-CN');
  if ((await page.locator(byTestId('lang-zh-CN')).getAttribute('aria-pressed')) !== 'true') {
    throw new Error('中文 button is not marked pressed after reload');
  }
});

step(`invite ${INVITEE} as OPERATOR from Members`, async () => {
  await page.locator(byTestId('nav-members')).click();
  await page.locator(byTestId('invite-email')).fill(INVITEE);
  await page.locator(byTestId('invite-role')).click();
  await page.locator(byTestId('role-option-OPERATOR')).click();
  // The select shows the chosen label (antd also repeats it in an aria-live region).
  const shown = async () => (await page.locator(byTestId('invite-role')).innerText()).split('\n').map((s) => s.trim()).filter(Boolean);
  await waitUntil(
    async () => {
      const lines = await shown();
      return lines.length > 0 && lines.every((line) => line === tr('zh-CN', 'role.OPERATOR'));
    },
    5_000,
    'role select does not show OPERATOR',
  );
  await page.locator(byTestId('invite-submit')).click();
  await waitUntil(
    async () => {
      if ((await page.locator(byTestId('invitations-table')).innerText()).includes(INVITEE)) return true;
      const problem = page.locator(`${byTestId('form-errors')}, .ant-form-item-explain-error`);
      if ((await problem.count()) > 0) throw new Error(`invite refused: ${(await problem.allInnerTexts()).join('; ')}`);
      return false;
    },
    15_000,
    'invitee not listed under pending invitations',
  );
});

step('a server error comes in the portal\'s language: inviting an existing member in 中文', async () => {
  // The portal is in 中文 since the language step; the server words the error from its
  // catalogue in the language the portal sends (Accept-Language).
  const wanted = serverMessage('zh-CN', 'identity', 'identity-already-member');
  const english = serverMessage('en', 'identity', 'identity-already-member');
  await page.locator(byTestId('invite-email')).fill(OWNER.email);
  await page.locator(byTestId('invite-submit')).click();
  const problem = page.locator(`${byTestId('form-errors')}, .ant-form-item-explain-error`);
  const shown = await waitUntil(
    async () => ((await problem.count()) > 0 ? (await problem.allInnerTexts()).join('; ') : null),
    15_000,
    'no error shown for inviting an existing member',
  );
  if (!shown.includes(wanted)) throw new Error(`expected "${wanted}", the portal shows "${shown}"`);
  if (shown.includes(english)) throw new Error(`the English message is shown: "${shown}"`);
  await page.locator(byTestId('invite-email')).fill('');
});

step('audit log shows member.invite for the invitee', async () => {
  await page.locator(byTestId('nav-audit-log')).click();
  const table = page.locator(byTestId('audit-table'));
  await table.waitFor();
  await waitUntil(
    async () => {
      await page.locator(byTestId('audit-refresh')).click();
      await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
      const rows = table.locator('tr[data-row-key]').filter({
        has: page.locator(byTestId('audit-action'), { hasText: /^\s*member\.invite\s*$/ }),
      });
      const count = Math.min(await rows.count(), 20);
      for (let i = 0; i < count; i += 1) {
        const row = rows.nth(i);
        if ((await row.innerText()).includes(INVITEE)) return true;
        const key = await row.getAttribute('data-row-key');
        const details = page.locator(`${byTestId('audit-details')}[data-entry-id="${key.replaceAll('"', '\\"')}"]`);
        if ((await details.count()) === 0) {
          const expand = row.locator(byTestId('audit-expand'));
          if ((await expand.count()) === 0) continue;
          await expand.click();
          await details.waitFor({ timeout: 3_000 });
        }
        if ((await details.innerText()).includes(INVITEE)) return true;
      }
      return false;
    },
    20_000,
    `no member.invite entry mentioning ${INVITEE}`,
  );
});

step('members page has no serious or critical axe violations', async () => {
  await page.locator(byTestId('nav-members')).click();
  await page.locator(byTestId('invite-email')).waitFor();
  await waitUntil(
    async () => (await page.locator(byTestId('invitations-table')).innerText()).includes(INVITEE),
    10_000,
    'members page did not finish loading',
  );
  await expectAccessible();
});

step('jobs page lists the schedules, jobs.purge_finished among them', async () => {
  await page.locator(byTestId('nav-jobs')).click();
  const schedules = page.locator(byTestId('job-schedules'));
  await schedules.waitFor();
  await waitUntil(
    async () => (await schedules.locator('tr[data-row-key="jobs.purge_finished"]').count()) === 1,
    10_000,
    'no jobs.purge_finished row in the schedules table',
  );
});

step(`create merchant ${MERCHANT_CODE} on Merchants and find it by its code`, async () => {
  await page.locator(byTestId('nav-merchants')).click();
  await page.locator(byTestId('merchant-create')).click();
  await page.locator(byTestId('merchant-code')).fill(MERCHANT_CODE);
  await page.locator(byTestId('merchant-name')).fill(`E2E merchant ${RANDOM}`);
  await page.locator(byTestId('merchant-contact-email')).fill(`contact-${RANDOM}@example.com`);
  await page.locator('#merchant-submit').click();
  await waitUntil(
    async () => {
      await failOnFormErrors('merchant refused');
      return (await page.locator(byTestId('merchant-code')).count()) === 0; // the modal closed
    },
    15_000,
    'the new-merchant form did not close',
  );
  const table = page.locator(byTestId('merchants-table'));
  await page.locator(byTestId('merchant-search')).fill(MERCHANT_CODE);
  await page.locator(byTestId('merchant-search')).press('Enter');
  await waitUntil(
    async () => {
      if ((await table.getAttribute('data-query')) !== MERCHANT_CODE) return false;
      const codes = await table.locator(byTestId('merchant-code-cell')).allInnerTexts();
      return codes.length === 1 && codes[0].trim() === MERCHANT_CODE;
    },
    10_000,
    `searching ${MERCHANT_CODE} does not list exactly that merchant`,
  );
});

step('merchants page has no serious or critical axe violations', async () => {
  await page.locator(`${byTestId('merchants-table')} ${byTestId('merchant-code-cell')}`).first().waitFor();
  await expectAccessible();
});

step(`invite ${MERCHANT_INVITEE} as MERCHANT bound to the new merchant`, async () => {
  await page.locator(byTestId('nav-members')).click();
  await page.locator(byTestId('invite-email')).fill(MERCHANT_INVITEE);
  await page.locator(byTestId('invite-role')).click();
  await page.locator(byTestId('role-option-MERCHANT')).click();
  // The merchant picker appears for the MERCHANT role and searches as one types.
  await page.locator(byTestId('invite-merchant')).click();
  await page.keyboard.type(MERCHANT_CODE);
  await page.locator(byTestId(`merchant-option-${MERCHANT_CODE}`)).click();
  await page.locator(byTestId('invite-submit')).click();
  const rows = page.locator(`${byTestId('invitations-table')} tr[data-row-key]`).filter({ hasText: MERCHANT_INVITEE });
  await waitUntil(
    async () => {
      await failOnFormErrors('invite refused');
      return (await rows.count()) === 1 && (await rows.first().innerText()).includes(MERCHANT_CODE);
    },
    15_000,
    `${MERCHANT_INVITEE} not listed under pending invitations with ${MERCHANT_CODE}`,
  );
});

// ---- main -------------------------------------------------------------------------------
const watchdog = setTimeout(() => {
  console.log(`FAIL  whole run exceeded ${RUN_TIMEOUT_MS / 1000}s`);
  for (const { name } of steps.slice(results.length)) results.push({ name, ok: false, error: 'not finished: run timed out' });
  process.exit(summary() > 0 ? 1 : 0);
}, RUN_TIMEOUT_MS);

await run();
await withTimeout(browser?.close() ?? Promise.resolve(), 10_000, 'closing the browser').catch(() => undefined);
clearTimeout(watchdog);
process.exit(summary() > 0 ? 1 : 0);
