import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { languageHeaders } from './language';

describe('languageHeaders', () => {
  it('follow the portal language as it switches', async () => {
    await i18n.init({ resources: { en: {}, 'zh-CN': {} }, lng: 'en', supportedLngs: ['zh-CN', 'en'] });
    expect(languageHeaders()).toEqual({ 'Accept-Language': 'en' });
    await i18n.changeLanguage('zh-CN');
    expect(languageHeaders()).toEqual({ 'Accept-Language': 'zh-CN' });
  });
});
