import { describe, expect, it } from 'vitest';
import { hasErrorCode, isUnauthenticated, serverMessage } from './errors';

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

describe('serverMessage', () => {
  it('takes the first GraphQL error with words', () => {
    const error = { graphQLErrors: [{ message: '' }, { message: '请稍后再试。', extensions: { code: 'THROTTLED' } }] };
    expect(serverMessage(error)).toBe('请稍后再试。');
  });

  it('has nothing for a network failure or a non-error', () => {
    expect(serverMessage({ graphQLErrors: [], networkError: new Error('fetch failed') })).toBeNull();
    expect(serverMessage(new TypeError('Failed to fetch'))).toBeNull();
    expect(serverMessage(undefined)).toBeNull();
  });
});
