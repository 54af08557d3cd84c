import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { describe as group, expect, it } from 'vitest';
import { AuthContext, type Auth } from '../../../auth/useAuth';
import type { Role } from '../../../gql/graphql';
import { messages } from '../../../i18n/resources';
import { ACTIONS, CATEGORIES, actionsOf, describe, gidType, type ActivityEntry } from './activity';
import { ActivitySentence } from './ActivitySentence';

const OWNER = { kind: 'USER', id: 'gid://silkport/User/1', label: 'wei@example.com', name: 'Wei Li' };
const entry = (action: string, more: Partial<ActivityEntry> = {}): ActivityEntry => ({ action, actor: OWNER, ...more });

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, key: string): string | undefined => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
};
/** The tags and placeholders of a sentence: both languages must use the same. */
const shape = (text: string) => [...text.matchAll(/<\/?(\w+)>|{{\s*(\w+)\s*}}/g)].map((m) => m[0].replace(/\s/g, '')).sort();

group('the activity table', () => {
  it('puts every known action in words in both languages, with the same values', () => {
    for (const action of [...Object.keys(ACTIONS), 'unknown']) {
      const en = lookup(messages.en as Tree, `audit.says.${action}`);
      const zh = lookup(messages['zh-CN'] as Tree, `audit.says.${action}`);
      expect(en, `English sentence of ${action}`).toBeTruthy();
      expect(zh, `Chinese sentence of ${action}`).toBeTruthy();
      expect(shape(zh!), action).toEqual(shape(en!));
    }
  });

  it('names every known action for the filter, in a category', () => {
    const categorised = CATEGORIES.flatMap(actionsOf).sort();
    expect(categorised).toEqual(Object.keys(ACTIONS).sort());
    for (const action of categorised) {
      expect(lookup(messages.en as Tree, `audit.actionName.${action}`), action).toBeTruthy();
      expect(lookup(messages['zh-CN'] as Tree, `audit.actionName.${action}`), action).toBeTruthy();
    }
  });

  it('counts failed sign-ins and lockouts as security events', () => {
    for (const action of ['session.login_failed', 'session.locked', 'session.reuse_detected']) {
      expect(describe(entry(action)).category, action).toBe('security');
    }
    expect(describe(entry('member.invite')).category).toBe('members');
  });
});

group('describe', () => {
  it('reads an invitation: the invitee by email, the role, a link to the members page', () => {
    const invite = describe(
      entry('member.invite', {
        subjectId: 'gid://silkport/Invitation/0190',
        after: { email: 'lan@example.com', role: 'store_staff', locale: 'en' },
      }),
    );
    expect(invite).toEqual({
      key: 'audit.says.member.invite',
      category: 'members',
      actor: 'Wei Li',
      subject: 'lan@example.com',
      link: { path: '/members', page: 'members' },
      roles: { role: 'STORE_STAFF' },
    });
  });

  it('takes a removed subject from before, and both roles of a role change', () => {
    const removed = describe(entry('member.remove', { before: { user: 'lan@example.com', role: 'viewer' } }));
    expect(removed.subject).toBe('lan@example.com');
    const changed = describe(
      entry('member.role_change', { before: { user: 'lan@example.com', role: 'viewer' }, after: { user: 'lan@example.com', role: 'admin' } }),
    );
    expect(changed.roles).toEqual({ from: 'VIEWER', to: 'ADMIN' });
    const merchant = describe(entry('merchant.update', { subjectId: 'gid://silkport/Merchant/1', after: { name: 'Linyi Textiles', code: 'M1' } }));
    expect(merchant).toMatchObject({ subject: 'Linyi Textiles (M1)', link: { path: '/merchants' } });
  });

  it('keeps an action it does not know, in the fallback sentence', () => {
    const unknown = describe(entry('warehouse.teleport', { subjectId: 'gid://silkport/Warehouse/1' }));
    expect(unknown).toMatchObject({ key: 'audit.says.unknown', category: null, link: undefined });
    expect(describe(entry('constructor')).key, 'no inherited property counts as an action').toBe('audit.says.unknown');
  });

  it('names a user subject from the people it knows, and the system as no one', () => {
    const names = new Map([['gid://silkport/User/7', 'Lan Zhou']]);
    const reuse = describe(
      { action: 'session.reuse_detected', subjectId: 'gid://silkport/User/7', actor: { kind: 'SYSTEM', label: 'system', name: 'system' } },
      names,
    );
    expect(reuse).toMatchObject({ actor: null, subject: 'Lan Zhou', link: undefined });
    const failed = describe(entry('session.login_failed', { actor: { kind: 'SYSTEM', label: 'system', name: 'system' }, after: { email: 'lan@example.com' } }));
    expect(failed.subject).toBe('lan@example.com');
  });

  it('reads global id types', () => {
    expect(gidType('gid://silkport/ApiClient/0190c7a4-0000-7000-8000-000000000000')).toBe('ApiClient');
    expect(gidType('not-a-gid')).toBeUndefined();
    expect(gidType(null)).toBeUndefined();
  });
});

group('ActivitySentence', () => {
  const render = (lng: 'en' | 'zh-CN', activityEntry: ActivityEntry, role: Role = 'ADMIN') => {
    const i18n = createInstance();
    void i18n.use(initReactI18next).init({
      resources: { en: { translation: messages.en }, 'zh-CN': { translation: messages['zh-CN'] } },
      lng,
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
    const auth = { viewer: { role } } as unknown as Auth;
    const sentence = createElement(ActivitySentence, { activity: describe(activityEntry), action: activityEntry.action });
    const tree = createElement(
      I18nextProvider,
      { i18n },
      createElement(AuthContext.Provider, { value: auth }, createElement(MemoryRouter, null, sentence)),
    );
    return renderToStaticMarkup(tree);
  };
  const invite = entry('member.invite', { subjectId: 'gid://silkport/Invitation/1', after: { email: 'lan@example.com', role: 'admin' } });

  it('says who did what to whom, in English and in Chinese', () => {
    const en = render('en', invite).replace(/<[^>]+>/g, '');
    expect(en).toBe('Wei Li invited lan@example.com as Administrator');
    const zh = render('zh-CN', invite).replace(/<[^>]+>/g, '');
    expect(zh).toBe('Wei Li 邀请 lan@example.com 成为管理员');
  });

  it('links the subject to its page when the viewer may open it', () => {
    expect(render('en', invite)).toMatch(/<a [^>]*href="\/members"[^>]*>lan@example.com<\/a>/);
    expect(render('en', invite, 'OPERATOR')).not.toContain('<a ');
  });

  it('shows an unknown action by its name, and markup in recorded values as text', () => {
    const odd = entry('warehouse.teleport', { actor: { ...OWNER, name: '<b>Eve</b>' } });
    const html = render('en', odd);
    expect(html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    expect(html.replace(/<[^>]+>/g, '')).toBe('&lt;b&gt;Eve&lt;/b&gt;: warehouse.teleport');
  });
});
