import { describe, expect, it } from 'vitest';
import { addCount, countKey, countSubmission, matchSkus, scanAtCount, type CountSku, type Known, type Place } from './counting';

const A1: Place = { id: 'l1', code: 'A-01-01' };
const B2: Place = { id: 'l2', code: 'B-02-01' };
const TEE: CountSku = { id: 's1', code: 'TEE-RED', barcodes: ['04006381333931'], lotTracked: false };
const JAM: CountSku = { id: 's2', code: 'JAM-1', barcodes: ['JAM-BC'], lotTracked: true };
const TWIN: CountSku = { id: 's3', code: 'TWIN', barcodes: ['4006381333931'], lotTracked: false };

const byLocation: Known = { scope: { kind: 'location', location: A1 }, places: [A1], skus: [TEE, JAM] };
const bySku: Known = { scope: { kind: 'sku', sku: TEE }, places: [A1], skus: [TEE] };

describe('scanAtCount', () => {
  it('wants the location first, then counts items there, a lot-tracked one with its lot', () => {
    expect(scanAtCount({ stage: 'location' }, ' a-01-01\r', byLocation)).toEqual({ kind: 'location', location: A1 });
    const at = { stage: 'item', location: A1 } as const;
    expect(scanAtCount(at, '\u00024006381333931', byLocation)).toEqual({ kind: 'count', location: A1, sku: TEE, lot: null });
    expect(scanAtCount(at, 'tee-red', byLocation)).toEqual({ kind: 'count', location: A1, sku: TEE, lot: null });
    const lot = scanAtCount(at, 'JAM-BC', byLocation);
    expect(lot).toEqual({ kind: 'need-lot', step: { stage: 'lot', location: A1, sku: JAM } });
    if (lot.kind !== 'need-lot') throw new Error('unreachable');
    expect(scanAtCount(lot.step, 'L2025-07', byLocation)).toEqual({ kind: 'count', location: A1, sku: JAM, lot: 'L2025-07' });
    expect(scanAtCount(lot.step, 'TEE-RED', byLocation)).toEqual({ kind: 'lot-expected', scanned: 'TEE-RED', sku: 'JAM-1' });
    expect(scanAtCount(at, '  ', byLocation)).toEqual({ kind: 'empty' });
  });

  it('refuses an item before the location, and another location in a count of one', () => {
    expect(scanAtCount({ stage: 'location' }, 'TEE-RED', byLocation)).toEqual({ kind: 'location-first', scanned: 'TEE-RED' });
    expect(scanAtCount({ stage: 'location' }, 'B-02-01', byLocation)).toEqual({
      kind: 'wrong-location',
      scanned: 'B-02-01',
      expected: 'A-01-01',
    });
    const known = { ...byLocation, places: [A1, B2] };
    expect(scanAtCount({ stage: 'item', location: A1 }, 'B-02-01', known).kind).toBe('wrong-location');
  });

  it('asks the server about what it does not know: a SKU found in a location, a location of a SKU count', () => {
    expect(scanAtCount({ stage: 'item', location: A1 }, 'NEW-SKU', byLocation)).toEqual({ kind: 'lookup-sku', scanned: 'NEW-SKU' });
    expect(scanAtCount({ stage: 'location' }, 'B-02-01', bySku)).toEqual({ kind: 'lookup-location', scanned: 'B-02-01' });
    expect(scanAtCount({ stage: 'item', location: A1 }, 'B-02-01', bySku)).toEqual({ kind: 'lookup-location', scanned: 'B-02-01' });
  });

  it('refuses another SKU in a count of one SKU, and a scan that reads as two SKUs', () => {
    const known = { ...bySku, skus: [TEE, JAM] };
    expect(scanAtCount({ stage: 'item', location: A1 }, 'JAM-BC', known)).toEqual({ kind: 'wrong-sku', scanned: 'JAM-BC', expected: 'TEE-RED' });
    const twins = { ...byLocation, skus: [TWIN, TEE] };
    expect(scanAtCount({ stage: 'item', location: A1 }, '4006381333931', twins)).toEqual({
      kind: 'ambiguous',
      scanned: '4006381333931',
      codes: ['TEE-RED', 'TWIN'],
    });
  });
});

describe('matchSkus', () => {
  it('reads GTINs with or without leading zeros, codes without case', () => {
    expect(matchSkus([TEE, JAM], '0004006381333931')).toEqual([TEE]);
    expect(matchSkus([TEE, JAM], 'jam-1')).toEqual([JAM]);
    expect(matchSkus([TEE, JAM], '400638133393')).toEqual([]);
  });
});

describe('countSubmission', () => {
  const lines = [
    { location: A1, sku: { id: TEE.id }, lot: null },
    { location: B2, sku: { id: TEE.id }, lot: null },
  ];

  it('names the locations still to visit', () => {
    expect(countSubmission(lines, {}, new Set(['l1'])).unvisited).toEqual(['B-02-01']);
    expect(countSubmission([], {}, new Set(), [A1]).unvisited).toEqual(['A-01-01']);
  });

  it('counts a visited line with nothing scanned as zero, and adds what was found beyond the task', () => {
    let tally = addCount({}, { location: A1, sku: TEE, lot: null }, 1);
    tally = addCount(tally, { location: A1, sku: TEE, lot: '' }, 2);
    tally = addCount(tally, { location: B2, sku: JAM, lot: 'L1' }, 4);
    expect(tally[countKey('l1', 's1', null)]?.counted).toBe(3);
    expect(addCount(tally, { location: A1, sku: TEE, lot: null }, 0)).toBe(tally);
    expect(addCount(tally, { location: A1, sku: TEE, lot: null }, 1.5)).toBe(tally);
    expect(countSubmission(lines, tally, new Set(['l1', 'l2']))).toEqual({
      lines: [
        { skuId: 's1', locationId: 'l1', lot: null, counted: 3 },
        { skuId: 's1', locationId: 'l2', lot: null, counted: 0 },
        { skuId: 's2', locationId: 'l2', lot: 'L1', counted: 4 },
      ],
      unvisited: [],
    });
  });
});
