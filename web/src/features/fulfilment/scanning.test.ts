import { describe, expect, it } from 'vitest';
import { addScan, positiveWhole, scanAtTask } from './scanning';

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

describe('addScan', () => {
  it('counts repeated scans of one item together, in first-scan order', () => {
    let tally = addScan([], '4006381333931');
    tally = addScan(tally, 'TEE-BLUE', 2);
    tally = addScan(tally, '4006381333931\t');
    expect(tally).toEqual([
      { barcode: '4006381333931', quantity: 2 },
      { barcode: 'TEE-BLUE', quantity: 2 },
    ]);
    expect(addScan(tally, '  ')).toBe(tally);
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
