import type { Language } from './language';

/** A resource file: nested objects of strings (`{ "members": { "title": "Members" } }`). */
export type Tree = { [key: string]: string | Tree };

/** One source of strings (the shared file or a business context) in every language. */
export type LocaleBundle = Readonly<Record<Language, Tree>>;

/**
 * Deep-merges resource trees into a new tree. Sources own disjoint keys: a key defined by
 * two of them throws, naming the key (the i18n unit tests run every registered source).
 */
export function mergeTrees(trees: readonly Tree[]): Tree {
  const out: Tree = {};
  for (const tree of trees) mergeInto(out, tree, '');
  return out;
}

function mergeInto(target: Tree, source: Tree, prefix: string): void {
  for (const [key, value] of Object.entries(source)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const existing = target[key];
    if (existing === undefined) {
      if (typeof value === 'string') target[key] = value;
      else mergeInto((target[key] = {}), value, path);
    } else if (typeof existing !== 'string' && typeof value !== 'string') {
      mergeInto(existing, value, path);
    } else {
      throw new Error(`i18n key "${path}" is defined twice`);
    }
  }
}
