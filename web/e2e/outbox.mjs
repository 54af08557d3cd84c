// The mail a server under test wrote to its outbox folder (`data/outbox/*.eml` when no SMTP
// server is configured), read as the recipient would: the newest mail to an address, its text
// decoded from base64 or quoted-printable.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function decodeQuotedPrintable(text) {
  const bytes = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i += 1) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The decoded bodies of every part of a MIME message, joined. */
function bodies(raw) {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  return parts
    .map((part) => {
      const split = part.search(/\r?\n\r?\n/);
      if (split < 0) return '';
      const head = part.slice(0, split);
      const body = part.slice(split).trim();
      if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
      if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) return decodeQuotedPrintable(body);
      return body;
    })
    .join('\n');
}

/** Decoded text of the newest mail in `dir` addressed to `to`, or null. */
export function newestMailTo(dir, to) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const file of files) {
    const raw = readFileSync(file, 'utf8');
    const recipient = /^To:\s*(.+)$/im.exec(raw)?.[1]?.trim();
    if (recipient?.toLowerCase() === to.toLowerCase() || recipient?.toLowerCase().endsWith(`<${to.toLowerCase()}>`)) return bodies(raw);
  }
  return null;
}

/** The accept link in the newest invitation mail to `to`, or null. */
export function invitationLink(dir, to) {
  const text = newestMailTo(dir, to);
  return text?.match(/https?:\/\/[^\s"<>]+\/accept-invite\?token=[A-Za-z0-9._~-]+/)?.[0] ?? null;
}

/** The confirmation link in the newest sign-up mail to `to`, or null. */
export function signupLink(dir, to) {
  const text = newestMailTo(dir, to);
  return text?.match(/https?:\/\/[^\s"<>]+\/confirm-signup\?token=[A-Za-z0-9._~-]+/)?.[0] ?? null;
}
