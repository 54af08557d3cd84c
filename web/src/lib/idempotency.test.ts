import { describe, expect, it } from 'vitest';
import { newIdempotencyKey, SubmissionKey } from './idempotency';

describe('newIdempotencyKey', () => {
  it('makes distinct version 4 UUIDs', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});

describe('SubmissionKey', () => {
  it('keeps one key per submission and starts afresh after reset', () => {
    let n = 0;
    const key = new SubmissionKey(() => `k${(n += 1)}`);
    expect(key.current()).toBe('k1');
    expect(key.current()).toBe('k1'); // a double click or a retry sends the same key
    key.reset(); // the input changed, or the submission succeeded
    expect(key.current()).toBe('k2');
  });
});
