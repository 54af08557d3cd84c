import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_FILTERS, isFiltered, toServerFilter } from './filters';

describe('toServerFilter', () => {
  const zone = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'Asia/Shanghai';
  });
  afterEach(() => {
    process.env.TZ = zone;
  });

  it('sends nothing when nothing is chosen', () => {
    expect(toServerFilter(NO_FILTERS)).toEqual({});
    expect(isFiltered(NO_FILTERS)).toBe(false);
  });

  it('turns local days into instants that include the whole last day', () => {
    const filter = toServerFilter({ actions: [], days: [dayjs('2026-11-28 15:30'), dayjs('2026-11-30 09:00')] });
    expect(filter).toEqual({ since: '2026-11-27T16:00:00.000Z', until: '2026-11-30T16:00:00.000Z' });
  });

  it('passes the person and the actions as chosen', () => {
    const chosen = { actorId: 'gid://silkport/User/1', actions: ['member.invite'] };
    expect(toServerFilter(chosen)).toEqual({ actorId: 'gid://silkport/User/1', actions: ['member.invite'] });
    expect(isFiltered(chosen)).toBe(true);
  });
});
