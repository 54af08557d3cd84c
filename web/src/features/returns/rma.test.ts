import { describe, expect, it } from 'vitest';
import { lineState, nextMode, returnable, returnLines, totals, type LineCounts } from './rma';

const line = (patch: Partial<LineCounts>): LineCounts => ({
  expected: 2,
  received: 0,
  restocked: 0,
  damaged: 0,
  disposed: 0,
  awaitingInspection: 0,
  ...patch,
});

describe('lineState', () => {
  it('follows a line from expected through receiving and inspection to done', () => {
    expect(lineState(line({}))).toBe('expected');
    expect(lineState(line({ received: 1, restocked: 1 }))).toBe('receiving');
    expect(lineState(line({ received: 1, awaitingInspection: 1 }))).toBe('inspecting');
    expect(lineState(line({ received: 2, restocked: 1, damaged: 1 }))).toBe('done');
  });
});

describe('nextMode', () => {
  it('receives until everything is back, then inspects, then is done', () => {
    expect(nextMode([line({})], 'inspect')).toBe('receive');
    expect(nextMode([line({ received: 1, awaitingInspection: 1 })], 'inspect')).toBe('inspect');
    expect(nextMode([line({ received: 1, awaitingInspection: 1 })], 'receive')).toBe('receive');
    expect(nextMode([line({ received: 2, awaitingInspection: 2 })], 'receive')).toBe('inspect');
    expect(nextMode([line({ received: 2, restocked: 2 })], 'receive')).toBeNull();
  });
});

describe('totals', () => {
  it('adds units expected, received and inspected over the lines', () => {
    expect(totals([line({ received: 2, restocked: 1, awaitingInspection: 1 }), line({ expected: 1, received: 1, disposed: 1 })])).toEqual({
      expected: 3,
      received: 3,
      inspected: 2,
    });
  });
});

describe('returnLines', () => {
  it('keeps the SKUs with units chosen', () => {
    expect(returnLines({ a: 2, b: 0, c: null, d: undefined })).toEqual([{ skuId: 'a', quantity: 2 }]);
  });
});

describe('returnable', () => {
  it('is what the order shipped less what earlier returns expect, cancelled ones aside', () => {
    const order = [{ quantity: 3, sku: { id: 'a' } }, { quantity: 1, sku: { id: 'b' } }];
    const earlier = [
      { status: 'COMPLETED', lines: [{ expected: 2, sku: { id: 'a' } }] },
      { status: 'CANCELLED', lines: [{ expected: 1, sku: { id: 'a' } }] },
      { status: 'REQUESTED', lines: [{ expected: 5, sku: { id: 'b' } }, { expected: 1, sku: { id: 'z' } }] },
    ];
    expect(returnable(order, earlier)).toEqual({ a: 1, b: 0 });
  });
});
