import { describe, expect, it } from 'vitest';
import { CURRENCIES, currencyCodes, currencyLabel, DEFAULT_CURRENCY } from './currencies';

describe('currencies', () => {
  it('offer the common ISO 4217 codes, CNY first and by default', () => {
    expect(CURRENCIES).toEqual(['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'KRW', 'HKD', 'SGD', 'AUD', 'CAD']);
    expect(DEFAULT_CURRENCY).toBe('CNY');
  });

  it('keep a merchant\'s other currency among the choices', () => {
    expect(currencyCodes('CHF')).toContain('CHF');
    expect(currencyCodes('USD')).toHaveLength(CURRENCIES.length);
    expect(currencyCodes(null)).toHaveLength(CURRENCIES.length);
  });

  it('name a currency in the UI language', () => {
    expect(currencyLabel('USD', 'en')).toMatch(/^USD — .*Dollar/);
    expect(currencyLabel('CNY', 'zh-CN')).toMatch(/^CNY — .*人民币/);
  });
});
