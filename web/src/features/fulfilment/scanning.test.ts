import { describe, expect, it } from 'vitest';
import { packScan, positiveWhole, scanAtTask } from './scanning';
import { pickedPercent } from './waves';

describe('scanAtTask', () => {
  it('wants the location first, in any case, then the item', () => {
    const first = scanAtTask({ stage: 'location' }, ' a-01-02 \r', 'A-01-02');
    expect(first).toEqual({ kind: 'location-ok', step: { stage: 'item', location: 'a-01-02' } });
    if (first.kind !== 'location-ok') throw new Error('unreachable');
    expect(scanAtTask(first.step, '\u00024006381333931', 'A-01-02')).toEqual({
      kind: 'confirm',
      location: 'a-01-02',
      barcode: '4006381333931',
    });
  });

  it('refuses another location, naming both', () => {
    expect(scanAtTask({ stage: 'location' }, 'B-07', 'A-01-02')).toEqual({
      kind: 'location-wrong',
      scanned: 'B-07',
      expected: 'A-01-02',
    });
    expect(scanAtTask({ stage: 'location' }, ' \t', 'A-01-02')).toEqual({ kind: 'empty' });
  });
});

describe('packScan', () => {
  const order = {
    lines: [
      { quantity: 2, sku: { code: 'LS-RED-M', barcodes: [{ barcode: '036000291452' }] } },
      { quantity: 1, sku: { code: 'TEA-S', barcodes: [{ barcode: '5901234123457' }] } },
    ],
    packages: [] as { items: { quantity: number; sku: { code: string } }[] }[],
  };

  it('counts units of the order by barcode, a GTIN with leading zeros or the SKU code', () => {
    const first = packScan(order, [], '0036000291452');
    expect(first).toMatchObject({ kind: 'added', code: 'LS-RED-M', scanned: 1, ordered: 2, complete: false });
    if (first.kind !== 'added') throw new Error('unreachable');
    const second = packScan(order, first.tally, 'LS-RED-M\t');
    expect(second).toMatchObject({ kind: 'added', scanned: 2, complete: false });
    if (second.kind !== 'added') throw new Error('unreachable');
    expect(second.tally).toEqual([
      { barcode: '0036000291452', code: 'LS-RED-M', quantity: 1 },
      { barcode: 'LS-RED-M', code: 'LS-RED-M', quantity: 1 },
    ]);
    const third = packScan(order, second.tally, '5901234123457');
    expect(third).toMatchObject({ kind: 'added', code: 'TEA-S', complete: true });
    if (third.kind !== 'added') throw new Error('unreachable');
    expect(third.tally.at(-1)).toEqual({ barcode: '5901234123457', code: 'TEA-S', quantity: 1 });
  });

  it('refuses an item not in the order and a unit more than it holds', () => {
    expect(packScan(order, [], '9780201379624')).toEqual({ kind: 'not-in-order', scanned: '9780201379624' });
    expect(packScan(order, [], 'ls-red-m')).toEqual({ kind: 'not-in-order', scanned: 'ls-red-m' });
    const tally = [{ barcode: '036000291452', code: 'LS-RED-M', quantity: 2 }];
    expect(packScan(order, tally, '036000291452')).toEqual({ kind: 'too-many', code: 'LS-RED-M', ordered: 2 });
    expect(packScan(order, [], ' \r')).toEqual({ kind: 'empty' });
  });

  it('counts what earlier packages hold', () => {
    const packed = { ...order, packages: [{ items: [{ quantity: 2, sku: { code: 'LS-RED-M' } }] }] };
    expect(packScan(packed, [], '036000291452')).toEqual({ kind: 'too-many', code: 'LS-RED-M', ordered: 2 });
    expect(packScan(packed, [], 'TEA-S')).toMatchObject({ kind: 'added', scanned: 1, ordered: 1, complete: true });
  });
});

describe('positiveWhole', () => {
  it('keeps whole numbers above zero only', () => {
    expect(positiveWhole(450)).toBe(450);
    expect(positiveWhole(0)).toBeNull();
    expect(positiveWhole(1.5)).toBeNull();
    expect(positiveWhole(null)).toBeNull();
  });
});

describe('pickedPercent', () => {
  it('rounds, and an empty wave is at 0', () => {
    expect(pickedPercent({ pickedUnits: 2, totalUnits: 3 })).toBe(67);
    expect(pickedPercent({ pickedUnits: 3, totalUnits: 3 })).toBe(100);
    expect(pickedPercent({ pickedUnits: 0, totalUnits: 0 })).toBe(0);
  });
});
