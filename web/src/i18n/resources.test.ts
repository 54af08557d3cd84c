import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS, JOB_STATES, LOCALES, MODULES, ROLES, SCOPES } from '../lib/enums';
import { HOME_ITEM, MODULE_ITEMS, PAGE_ITEMS } from '../nav/nav';
import { LANGUAGES } from './language';
import { mergeTrees, type LocaleBundle, type Tree } from './merge';
import { CONTEXT_LOCALES, messages, resources, SHARED_LOCALES } from './resources';

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

/** Every resource file pair: `src/i18n/locales/` and `src/features/<context>/locales/`. */
const SOURCES: [string, LocaleBundle][] = [
  ['src/i18n/locales', SHARED_LOCALES],
  ...Object.entries(CONTEXT_LOCALES).map(([context, bundle]): [string, LocaleBundle] => [`src/features/${context}/locales`, bundle]),
];

const MERGED: [string, LocaleBundle][] = [['merged', messages]];

describe.each([...SOURCES, ...MERGED])('i18n resources (%s)', (_, bundle) => {
  const enKeys = flatten(bundle.en);
  const zhKeys = flatten(bundle['zh-CN']);

  it('have the same keys in English and Chinese', () => {
    expect([...zhKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it('have no empty strings', () => {
    for (const [key, value] of [...enKeys, ...zhKeys]) expect(value.trim(), key).not.toBe('');
  });

  it('use the same interpolation placeholders in both languages', () => {
    for (const [key, value] of enKeys) expect(placeholders(zhKeys.get(key) ?? ''), key).toEqual(placeholders(value));
  });
});

describe('merged i18n resources', () => {
  const enKeys = flatten(messages.en);
  const zhKeys = flatten(messages['zh-CN']);

  it('register every context folder that has strings, and only those', () => {
    const features = new URL('../features/', import.meta.url);
    const withLocales = readdirSync(features, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/locales/en.json`, features)))
      .map((d) => d.name);
    expect(Object.keys(CONTEXT_LOCALES).sort()).toEqual(withLocales.sort());
  });

  it('take each key from exactly one source', () => {
    for (const language of LANGUAGES) {
      const total = SOURCES.reduce((sum, [, bundle]) => sum + flatten(bundle[language]).size, 0);
      expect(flatten(messages[language]).size, language).toBe(total);
    }
  });

  it('are what i18next gets', () => {
    for (const language of LANGUAGES) expect(resources[language].translation).toBe(messages[language]);
  });

  it('label every enum value, menu entry and language', () => {
    const needed = [
      ...MODULES.map((v) => `module.${v}`),
      ...ROLES.map((v) => `role.${v}`),
      ...SCOPES.map((v) => `scope.${v}`),
      ...LOCALES.map((v) => `locale.${v}`),
      ...JOB_STATES.map((v) => `jobState.${v}`),
      ...ACTOR_KINDS.map((v) => `actorKind.${v}`),
      ...[HOME_ITEM, ...MODULE_ITEMS, ...PAGE_ITEMS].map((i) => i.labelKey),
      ...LANGUAGES.map((l) => `language.name.${l}`),
    ];
    for (const key of needed) {
      expect(enKeys.has(key), `en: ${key}`).toBe(true);
      expect(zhKeys.has(key), `zh-CN: ${key}`).toBe(true);
    }
  });

  it('actually translate the navigation', () => {
    expect(zhKeys.get('nav.members')).not.toBe(enKeys.get('nav.members'));
    expect(zhKeys.get('nav.auditLog')).not.toBe(enKeys.get('nav.auditLog'));
  });
});

describe('mergeTrees', () => {
  it('merges namespaces shared by several sources', () => {
    expect(mergeTrees([{ nav: { home: 'Home' } }, { nav: { members: 'Members' }, members: { title: 'M' } }])).toEqual({
      nav: { home: 'Home', members: 'Members' },
      members: { title: 'M' },
    });
  });

  it('refuses a key defined twice', () => {
    expect(() => mergeTrees([{ nav: { home: 'a' } }, { nav: { home: 'b' } }])).toThrow('"nav.home"');
    expect(() => mergeTrees([{ nav: 'a' }, { nav: { home: 'b' } }])).toThrow('"nav"');
    expect(() => mergeTrees([{ nav: { home: { x: 'a' } } }, { nav: { home: 'b' } }])).toThrow('"nav.home"');
  });

  it('leaves its inputs alone', () => {
    const a: Tree = { nav: { home: 'Home' } };
    mergeTrees([a, { nav: { members: 'Members' } }]);
    expect(a).toEqual({ nav: { home: 'Home' } });
  });
});
