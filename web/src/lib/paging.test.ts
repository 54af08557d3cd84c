import { describe, expect, it } from 'vitest';
import { firstPage, nextPage, pagerState, previousPage } from './paging';

const info = (over: Partial<Parameters<typeof pagerState>[1]> = {}) => ({
  hasNextPage: false,
  hasPreviousPage: false,
  startCursor: 's',
  endCursor: 'e',
  ...over,
});

describe('Relay paging', () => {
  it('moves forward with first/after and back with last/before', () => {
    expect(firstPage(50)).toEqual({ first: 50 });
    expect(nextPage(50, info())).toEqual({ first: 50, after: 'e' });
    expect(previousPage(50, info())).toEqual({ last: 50, before: 's' });
  });

  it('falls back to the first page without cursors', () => {
    expect(nextPage(50, info({ endCursor: null }))).toEqual({ first: 50 });
    expect(previousPage(50, info({ startCursor: null }))).toEqual({ first: 50 });
  });

  it('offers "previous" after moving forward even if the server omits hasPreviousPage', () => {
    expect(pagerState({ first: 50 }, info({ hasNextPage: true }))).toEqual({ canPrevious: false, canNext: true });
    expect(pagerState({ first: 50, after: 'e' }, info())).toEqual({ canPrevious: true, canNext: false });
    expect(pagerState({ last: 50, before: 's' }, info({ hasPreviousPage: true }))).toEqual({
      canPrevious: true,
      canNext: true,
    });
    expect(pagerState({ first: 50 }, undefined)).toEqual({ canPrevious: false, canNext: false });
  });
});
