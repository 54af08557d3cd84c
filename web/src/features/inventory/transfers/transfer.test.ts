import { describe, expect, it } from 'vitest';
import { lineInputs, placeErrors, unitsOf } from './transfer';

describe('lineInputs', () => {
  it('sends a lot only when one was typed', () => {
    expect(lineInputs([{ skuId: 's', fromLocationId: 'l', lot: '  ', quantity: 2 }, { skuId: 's', fromLocationId: 'l', lot: ' L1 ', quantity: 1 }])).toEqual([
      { skuId: 's', fromLocationId: 'l', lot: null, quantity: 2 },
      { skuId: 's', fromLocationId: 'l', lot: 'L1', quantity: 1 },
    ]);
  });
});

describe('unitsOf', () => {
  it('adds the units of every line', () => {
    expect(unitsOf([{ quantity: 2 }, { quantity: 5 }])).toBe(7);
    expect(unitsOf([])).toBe(0);
  });
});

describe('placeErrors', () => {
  it('puts an error beside its field, a line\'s beside that line\'s, the rest above the form', () => {
    expect(
      placeErrors([
        { field: ['input', 'reference'], code: 'TAKEN', message: 'taken' },
        { field: ['input', 'lines', '1', 'quantity'], code: 'INVALID', message: 'too many' },
        { field: ['input', 'lines', '1', 'quantity'], code: 'INVALID', message: 'again' },
        { field: ['input', 'lines'], code: 'INSUFFICIENT_STOCK', message: 'short' },
        { field: null, code: 'INVALID', message: 'no field' },
      ]),
    ).toEqual({
      fields: [
        { name: ['reference'], errors: ['taken'] },
        { name: ['lines', 1, 'quantity'], errors: ['too many', 'again'] },
      ],
      form: ['short', 'no field'],
    });
  });
});
