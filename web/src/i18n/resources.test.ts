import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS, JOB_STATES, LOCALES, MODULES, ROLES, SCOPES } from '../lib/enums';
import { HOME_ITEM, MODULE_ITEMS, PAGE_ITEMS } from '../nav/nav';
import { LANGUAGES } from './language';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

type Tree = { [key: string]: string | Tree };

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

const enKeys = flatten(en);
const zhKeys = flatten(zhCN);

describe('i18n resources', () => {
  it('have the same keys in English and Chinese', () => {
    expect([...zhKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it('have no empty strings', () => {
    for (const [key, value] of [...enKeys, ...zhKeys]) expect(value.trim(), key).not.toBe('');
  });

  it('use the same interpolation placeholders in both languages', () => {
    for (const [key, value] of enKeys) expect(placeholders(zhKeys.get(key) ?? ''), key).toEqual(placeholders(value));
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
  });
});
