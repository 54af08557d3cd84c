import { describe, expect, it } from 'vitest';
import { normaliseScan, percent } from './scan';

describe('normaliseScan', () => {
  it('drops control characters and surrounding space a scanner adds', () => {
    expect(normaliseScan('\u0002 4006381333931\t\r')).toBe('4006381333931');
    expect(normaliseScan('ACME-3-BC')).toBe('ACME-3-BC');
    expect(normaliseScan('  \u0003 ')).toBe('');
  });
});

describe('percent', () => {
  it('rounds and caps at 100, an over-receipt included', () => {
    expect(percent(0)).toBe(0);
    expect(percent(0.254)).toBe(25);
    expect(percent(13 / 12)).toBe(100);
    expect(percent(Number.NaN)).toBe(0);
  });
});
