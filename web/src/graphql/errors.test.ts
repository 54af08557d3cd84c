import { describe, expect, it } from 'vitest';
import { hasErrorCode, isUnauthenticated } from './errors';

describe('isUnauthenticated', () => {
  it('recognises extensions.code UNAUTHENTICATED', () => {
    expect(isUnauthenticated({ graphQLErrors: [{ extensions: { code: 'UNAUTHENTICATED' } }] })).toBe(true);
  });

  it('recognises an HTTP 401', () => {
    expect(isUnauthenticated({ graphQLErrors: [], response: { status: 401 } })).toBe(true);
  });

  it('ignores other errors', () => {
    expect(isUnauthenticated({ graphQLErrors: [{ extensions: { code: 'FORBIDDEN' } }] })).toBe(false);
    expect(isUnauthenticated({ graphQLErrors: [{}], response: { status: 500 } })).toBe(false);
    expect(isUnauthenticated(undefined)).toBe(false);
    expect(hasErrorCode({ graphQLErrors: [{ extensions: null }] }, 'X')).toBe(false);
  });
});
