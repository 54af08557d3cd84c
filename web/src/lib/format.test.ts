import { describe, expect, it } from 'vitest';
import { formatDateTime, formatRelative, setDisplayTimeZone } from './format';

const NOW = Date.parse('2026-01-10T12:00:00Z');

describe('formatRelative', () => {
  it('uses the largest unit that fits, in the past and the future', () => {
    expect(formatRelative('2026-01-10T09:00:00Z', 'en', NOW)).toBe('3 hours ago');
    expect(formatRelative('2026-01-10T12:05:00Z', 'en', NOW)).toBe('in 5 minutes');
    expect(formatRelative('2026-01-08T12:00:00Z', 'en', NOW)).toBe('2 days ago');
    expect(formatRelative('2026-01-10T12:00:00Z', 'en', NOW)).toBe('now');
  });

  it('speaks the UI language', () => {
    expect(formatRelative('2026-01-10T09:00:00Z', 'zh-CN', NOW)).toBe('3小时前');
  });

  it('passes absent and unparsable input through', () => {
    expect(formatRelative(null, 'en', NOW)).toBe('');
    expect(formatRelative('soon', 'en', NOW)).toBe('soon');
    expect(formatDateTime('soon', 'en')).toBe('soon');
  });
});

describe('formatDateTime', () => {
  it('shows the time in the given zone and names the zone by its offset', () => {
    expect(formatDateTime('2026-01-10T12:00:00Z', 'en', 'Asia/Shanghai')).toBe('01/10/2026, 20:00:00 GMT+8');
    // Chinese puts the zone before the time.
    expect(formatDateTime('2026-01-10T12:00:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026/01/10 GMT+8 20:00:00');
    // ICU writes UTC's zero offset as "GMT" or "GMT+0", depending on its version.
    expect(formatDateTime('2026-01-10T12:00:00Z', 'en', 'UTC')).toMatch(/^01\/10\/2026, 12:00:00 GMT(\+0)?$/);
    expect(formatDateTime('2026-01-10T12:00:00Z', 'en', 'Asia/Kolkata')).toBe('01/10/2026, 17:30:00 GMT+5:30');
  });

  it('uses the tenant zone once it is set, and the browser zone for an unknown one', () => {
    setDisplayTimeZone('America/New_York');
    expect(formatDateTime('2026-01-10T12:00:00Z', 'en')).toBe('01/10/2026, 07:00:00 GMT-5');
    setDisplayTimeZone(null);
    expect(formatDateTime('2026-01-10T12:00:00Z', 'en', 'Not/AZone')).toMatch(/^01\/1[01]\/2026, \d\d:\d\d:00 GMT/);
  });
});
