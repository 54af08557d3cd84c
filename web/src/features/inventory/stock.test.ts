import { describe, expect, it } from 'vitest';
import { actorKind, ageBucket, ageSummary, levelPath, levelVariables, signed, unitsAt } from './stock';

describe('ageBucket', () => {
  it('puts each age in its band, bounds included', () => {
    expect([0, 30, 31, 90, 91, 180, 181, 1000].map(ageBucket)).toEqual([
      '0-30', '0-30', '31-90', '31-90', '91-180', '91-180', '181+', '181+',
    ]);
    expect(ageBucket(-1)).toBe('0-30');
  });
});

describe('ageSummary', () => {
  it('adds units per band and names every band', () => {
    expect(ageSummary([{ ageDays: 3, onHand: 5 }, { ageDays: 29, onHand: 1 }, { ageDays: 200, onHand: 7 }])).toEqual({
      '0-30': 6, '31-90': 0, '91-180': 0, '181+': 7,
    });
    expect(ageSummary([])).toEqual({ '0-30': 0, '31-90': 0, '91-180': 0, '181+': 0 });
  });
});

describe('unitsAt', () => {
  const bins = [
    { location: { id: 'a' }, lot: null, onHand: 3 },
    { location: { id: 'a' }, lot: null, onHand: 4 },
    { location: { id: 'a' }, lot: 'L1', onHand: 10 },
    { location: { id: 'b' }, lot: null, onHand: 1 },
  ];
  it('sums the receipt days of one location and lot', () => {
    expect(unitsAt(bins, 'a', null)).toBe(7);
    expect(unitsAt(bins, 'a', '')).toBe(7);
    expect(unitsAt(bins, 'a', 'L1')).toBe(10);
    expect(unitsAt(bins, 'c', null)).toBe(0);
  });
});

describe('levelVariables', () => {
  it('leaves out what is not chosen', () => {
    expect(levelVariables({})).toEqual({ warehouseId: null, merchantId: null, skuId: null, atSafetyStock: null });
    expect(levelVariables({ warehouseId: '', atSafetyStock: false })).toEqual({
      warehouseId: null, merchantId: null, skuId: null, atSafetyStock: null,
    });
  });
  it('passes what is chosen', () => {
    expect(levelVariables({ warehouseId: 'w', merchantId: 'm', skuId: 's', atSafetyStock: true })).toEqual({
      warehouseId: 'w', merchantId: 'm', skuId: 's', atSafetyStock: true,
    });
  });
});

describe('formatting', () => {
  it('signs deltas and names actors', () => {
    expect([signed(5), signed(-3), signed(0)]).toEqual(['+5', '−3', '0']);
    expect([actorKind('user:1'), actorKind('client:2'), actorKind('system')]).toEqual(['user', 'client', 'system']);
  });
  it('builds drill-down paths with encoded global ids', () => {
    expect(levelPath('gid://silkport/Sku/1', 'gid://silkport/Warehouse/2')).toBe(
      '/stock/gid%3A%2F%2Fsilkport%2FSku%2F1/gid%3A%2F%2Fsilkport%2FWarehouse%2F2',
    );
  });
});
