// The portal's strings as the browser gets them, for the end-to-end test: the shared file
// `src/i18n/locales/<lang>.json` merged with every `src/features/<context>/locales/<lang>.json`.
// Mirrors `src/i18n/resources.ts` (its unit test checks that every context folder with
// strings is registered there, so reading the folders here gives the same result).
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const SRC = new URL('../src/', import.meta.url);

const readJson = (url) => JSON.parse(readFileSync(url, 'utf8'));

function mergeInto(target, source, prefix) {
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

/** Merged strings of one language (`en`, `zh-CN`), keys namespaced as in the app (`nav.members`). */
export function loadLocale(lang) {
  const files = [new URL(`i18n/locales/${lang}.json`, SRC)];
  const features = new URL('features/', SRC);
  for (const dir of readdirSync(features, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const file = new URL(`${dir}/locales/${lang}.json`, features);
    if (existsSync(file)) files.push(file);
  }
  const merged = {};
  for (const file of files) mergeInto(merged, readJson(file), '');
  return merged;
}

/**
 * A message of the server's catalogue (`domain/src/<context>/locales/<lang>.ftl`) without
 * arguments, as the server words it: a one-line `id = text` entry.
 */
export function serverMessage(lang, context, id) {
  const file = new URL(`../../domain/src/${context}/locales/${lang}.ftl`, import.meta.url);
  const line = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith(`${id} = `));
  if (!line) throw new Error(`no one-line message ${id} in ${file.pathname}`);
  return line.slice(id.length + 3).trim();
}
