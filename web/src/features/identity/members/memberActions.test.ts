import { describe, expect, it } from 'vitest';
import { memberActions, roleChangeKind } from './memberActions';

const me = { role: 'OWNER' as const, user: { id: 'me' } };
const other = (role: 'OWNER' | 'ADMIN' | 'VIEWER') => ({ role, user: { id: 'other' } });

describe('memberActions', () => {
  it('offers an owner nothing on their own row when they are the last owner', () => {
    const actions = memberActions(me, { viewerUserId: 'me', viewerRole: 'OWNER', ownerCount: 1 });
    expect(actions.role).toBe('lastOwner');
    expect(actions.remove).toBe('lastOwner');
  });

  it('offers nobody a change of their own role or their own removal', () => {
    expect(memberActions(me, { viewerUserId: 'me', viewerRole: 'OWNER', ownerCount: 2 }).role).toBe('self');
    const admin = { role: 'ADMIN' as const, user: { id: 'me' } };
    const actions = memberActions(admin, { viewerUserId: 'me', viewerRole: 'ADMIN', ownerCount: 1 });
    expect(actions).toMatchObject({ role: 'self', remove: 'self' });
  });

  it('lets only an owner touch an owner, and never the last one', () => {
    expect(memberActions(other('OWNER'), { viewerUserId: 'me', viewerRole: 'ADMIN', ownerCount: 3 }).role).toBe('ownerOnly');
    expect(memberActions(other('OWNER'), { viewerUserId: 'me', viewerRole: 'OWNER', ownerCount: 2 }).role).toBeNull();
    expect(memberActions(other('OWNER'), { viewerUserId: 'me', viewerRole: 'OWNER', ownerCount: 1 }).remove).toBe('lastOwner');
    expect(memberActions(other('OWNER'), { viewerUserId: 'me', viewerRole: 'OWNER', ownerCount: undefined }).role).toBe(
      'lastOwner',
    );
  });

  it('lets an admin change others but not grant the owner role', () => {
    const actions = memberActions(other('VIEWER'), { viewerUserId: 'me', viewerRole: 'ADMIN', ownerCount: 1 });
    expect(actions).toEqual({ role: null, remove: null, ungrantable: ['OWNER'] });
    expect(memberActions(other('VIEWER'), { viewerUserId: 'me', viewerRole: 'OWNER', ownerCount: 1 }).ungrantable).toEqual([]);
  });
});

describe('roleChangeKind', () => {
  it('warns about promotions to owner and about leaving the owner role', () => {
    expect(roleChangeKind('ADMIN', 'OWNER')).toBe('toOwner');
    expect(roleChangeKind('OWNER', 'ADMIN')).toBe('fromOwner');
    expect(roleChangeKind('VIEWER', 'OPERATOR')).toBe('plain');
  });
});
