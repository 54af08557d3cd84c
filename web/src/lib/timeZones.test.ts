import { describe, expect, it } from 'vitest';
import { timeZoneNames } from './timeZones';

describe('timeZoneNames', () => {
  it('lists UTC first, then the IANA zones, once each', () => {
    const zones = timeZoneNames();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Asia/Shanghai');
    expect(new Set(zones).size).toBe(zones.length);
  });

  it('keeps a saved zone the engine does not list', () => {
    expect(timeZoneNames(['Etc/Nowhere', null])).toContain('Etc/Nowhere');
  });
});
