import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADERS, subscriptionUrl, typedHeaders } from './headers';

describe('GraphiQL page', () => {
  it('subscribes on the same host, over wss when the page is https', () => {
    expect(subscriptionUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/graphql/ws');
    expect(subscriptionUrl({ protocol: 'https:', host: 'portal.example.com' })).toBe('wss://portal.example.com/graphql/ws');
  });

  it('starts with an authorization header to fill in', () => {
    expect(JSON.parse(DEFAULT_HEADERS)).toEqual({ authorization: 'Bearer <access token>' });
  });

  it('sends typed headers but not the untouched placeholder', () => {
    expect(typedHeaders(JSON.parse(DEFAULT_HEADERS))).toEqual({});
    expect(typedHeaders({ authorization: 'Bearer abc', 'x-trace': '1' })).toEqual({ authorization: 'Bearer abc', 'x-trace': '1' });
    expect(typedHeaders(undefined)).toBeUndefined();
  });
});
