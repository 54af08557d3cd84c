/** A random RFC 4122 version 4 UUID; `crypto.randomUUID` where the page is a secure context. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Plain http on a non-local host has no randomUUID; getRandomValues works everywhere.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The idempotency key of one submission of a form. The same key is sent again while the
 * input is unchanged (a double click, a retry after a network error), so the server creates
 * the thing once; editing the form or a success starts a new submission with a fresh key.
 */
export class SubmissionKey {
  private key: string | null = null;

  constructor(private readonly generate: () => string = newIdempotencyKey) {}

  /** The current submission's key, made on first use. */
  current(): string {
    this.key ??= this.generate();
    return this.key;
  }

  /** The next call to `current` starts a new submission. */
  reset(): void {
    this.key = null;
  }
}
