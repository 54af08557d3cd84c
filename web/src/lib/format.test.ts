import { describe, expect, it } from 'vitest';
import { formatDateTime, formatRelative } from './format';

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
