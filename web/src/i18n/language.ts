import type { Locale } from '../gql/graphql';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'silkport.lang';

export const isLanguage = (value: unknown): value is Language =>
  LANGUAGES.includes(value as Language);

/** The remembered choice if any, else Chinese for a Chinese browser, else English. */
export function detectLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  const first = browserLanguages[0] ?? '';
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export const languageToLocale = (language: Language): Locale => (language === 'zh-CN' ? 'ZH_CN' : 'EN');

export const localeToLanguage = (locale: Locale): Language => (locale === 'ZH_CN' ? 'zh-CN' : 'en');
