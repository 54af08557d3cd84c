import { describe, expect, it } from 'vitest';
import { detectLanguage, languageToLocale, localeToLanguage } from './language';

describe('detectLanguage', () => {
  it('prefers the remembered choice', () => {
    expect(detectLanguage('en', ['zh-CN'])).toBe('en');
    expect(detectLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
  });

  it('uses Chinese for any Chinese browser language', () => {
    expect(detectLanguage(null, ['zh-CN', 'en'])).toBe('zh-CN');
    expect(detectLanguage(null, ['zh-TW'])).toBe('zh-CN');
    expect(detectLanguage(null, ['zh'])).toBe('zh-CN');
  });

  it('defaults to English otherwise', () => {
    expect(detectLanguage(null, ['en-GB', 'zh-CN'])).toBe('en');
    expect(detectLanguage(null, ['de'])).toBe('en');
    expect(detectLanguage(null, [])).toBe('en');
    expect(detectLanguage('fr', ['fr-FR'])).toBe('en');
  });

  it('maps to and from the schema Locale', () => {
    expect(languageToLocale('zh-CN')).toBe('ZH_CN');
    expect(languageToLocale('en')).toBe('EN');
    expect(localeToLanguage('ZH_CN')).toBe('zh-CN');
    expect(localeToLanguage('EN')).toBe('en');
  });
});
