import i18n from 'i18next';

/**
 * The `Accept-Language` header of every GraphQL request: the portal's current language, so the
 * server words `userErrors` and error messages in it (codes stay the same in every language).
 */
export function languageHeaders(): Record<string, string> {
  return { 'Accept-Language': i18n.resolvedLanguage ?? i18n.language ?? 'en' };
}
