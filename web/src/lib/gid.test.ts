import { describe, expect, it } from 'vitest';
import { gidUuid, isUser } from './gid';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('gidUuid', () => {
  it('takes the id out of a global id, nothing out of anything else', () => {
    expect(gidUuid(`gid://silkport/Return/${ID}`)).toBe(ID);
    expect(gidUuid(`gid://other/Return/${ID}`)).toBeUndefined();
    expect(gidUuid(`gid://silkport/Return/${ID}/x`)).toBeUndefined();
    expect(gidUuid(null)).toBeUndefined();
  });
});

describe('isUser', () => {
  it('matches a user actor to the same user only', () => {
    expect(isUser(`user:${ID}`, `gid://silkport/User/${ID}`)).toBe(true);
    expect(isUser(`client:${ID}`, `gid://silkport/User/${ID}`)).toBe(false);
    expect(isUser('user:someone-else', `gid://silkport/User/${ID}`)).toBe(false);
    expect(isUser(null, `gid://silkport/User/${ID}`)).toBe(false);
    expect(isUser('user:undefined', 'not a gid')).toBe(false);
  });
});
