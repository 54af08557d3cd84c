import { catalogLocales } from '../features/catalog/locales';
import { identityLocales } from '../features/identity/locales';
import { dashboardLocales } from '../features/dashboard/locales';
import { fulfilmentLocales } from '../features/fulfilment/locales';
import { inboundLocales } from '../features/inbound/locales';
import { inventoryLocales } from '../features/inventory/locales';
import { ordersLocales } from '../features/orders/locales';
import { platformLocales } from '../features/platform/locales';
import { returnsLocales } from '../features/returns/locales';
import { LANGUAGES, type Language } from './language';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import { mergeTrees, type LocaleBundle, type Tree } from './merge';

/** Strings of the shell: app name, common words, header, menu, shared enums, generic pages. */
export const SHARED_LOCALES: LocaleBundle = { en, 'zh-CN': zhCN };

/** Strings of each business context (`src/features/<context>/locales/`): one line per context. */
export const CONTEXT_LOCALES: Readonly<Record<string, LocaleBundle>> = {
  identity: identityLocales,
  platform: platformLocales,
  catalog: catalogLocales,
  inbound: inboundLocales,
  inventory: inventoryLocales,
  orders: ordersLocales,
  dashboard: dashboardLocales,
  fulfilment: fulfilmentLocales,
  returns: returnsLocales,
};

/** The shared strings and every context's, merged per language (keys stay namespaced). */
export const messages = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    mergeTrees([SHARED_LOCALES[language], ...Object.values(CONTEXT_LOCALES).map((bundle) => bundle[language])]),
  ]),
) as Record<Language, Tree>;

/** i18next resources: one `translation` namespace per language. */
export const resources = Object.fromEntries(
  LANGUAGES.map((language) => [language, { translation: messages[language] }]),
) as Record<Language, { translation: Tree }>;
