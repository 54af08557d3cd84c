import { describe, expect, it } from 'vitest';
import { addDays, arrivingWithin, localDate } from './week';

describe('arrivingWithin', () => {
  const today = '2026-12-28';
  it('counts shipments due today through seven days on, across a year end', () => {
    const shipments = [
      { eta: '2026-12-28', expectedUnits: 10 },
      { eta: '2027-01-04', expectedUnits: 5 },
      { eta: '2027-01-05', expectedUnits: 99 },
      { eta: '2026-12-27', expectedUnits: 7 },
      { eta: null, expectedUnits: 3 },
    ];
    expect(arrivingWithin(shipments, today)).toEqual({ count: 2, units: 15 });
    expect(arrivingWithin([], today)).toEqual({ count: 0, units: 0 });
  });
});

describe('dates', () => {
  it('adds days and reads the local day', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
