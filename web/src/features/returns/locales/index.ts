import type { LocaleBundle } from '../../../i18n/merge';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Strings of the returns context, merged with the shared ones by `src/i18n/resources.ts`. */
export const returnsLocales: LocaleBundle = { en, 'zh-CN': zhCN };
