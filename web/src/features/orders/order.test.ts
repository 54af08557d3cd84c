import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { messages } from '../../i18n/resources';
import type { CarrierCode, TrackingStatus } from '../../gql/graphql';
import { allocationReason, countryName, filtersFromParams, ORDER_EVENT_KINDS, orderFieldPath, orderVariables } from './order';

const translator = async (lng: 'en' | 'zh-CN') => {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { [lng]: { translation: messages[lng] } }, interpolation: { escapeValue: false }, showSupportNotice: false });
  return instance.t.bind(instance) as (key: string, values?: Record<string, unknown>) => string;
};

describe('allocationReason', () => {
  const nearest = { warehouse: { code: 'LAX1' }, quantity: 3, rule: 'IN_STOCK_NEAREST' as const, distanceKm: 0, availableBefore: 10 };

  it('says in English where units went and why', async () => {
    const t = await translator('en');
    expect(allocationReason(nearest, t)).toBe('LAX1: 3 units — in stock and nearest (0 km); 10 available before');
    expect(allocationReason({ ...nearest, quantity: 1, rule: 'SPLIT', distanceKm: 9120, availableBefore: 1 }, t)).toBe(
      'LAX1: 1 unit — split: no warehouse had them all, nearest first (9120 km); 1 available before',
    );
    expect(allocationReason({ ...nearest, distanceKm: null, releasedAt: '2026-01-01T00:00:00Z' }, t)).toBe(
      'LAX1: 3 units — in stock and nearest; 10 available before (given back)',
    );
  });

  it('says it in Chinese', async () => {
    const t = await translator('zh-CN');
    expect(allocationReason(nearest, t)).toBe('LAX1：3 件 — 有货且最近（0 公里）；分配前可售 10');
  });
});

describe('orderVariables', () => {
  it('sends only what is chosen, the search trimmed', () => {
    expect(orderVariables({})).toEqual({ status: null, merchantId: null, query: null });
    expect(orderVariables({ status: 'BACKORDERED', merchantId: 'm', search: '  SHOP-1 ' })).toEqual({
      status: 'BACKORDERED', merchantId: 'm', query: 'SHOP-1',
    });
    expect(orderVariables({ merchantId: '', search: '   ' })).toEqual({ status: null, merchantId: null, query: null });
  });

  it('reads the dashboard links', () => {
    expect(filtersFromParams(new URLSearchParams('status=BACKORDERED'))).toEqual({ status: 'BACKORDERED', search: '' });
    expect(filtersFromParams(new URLSearchParams('status=NOPE&q=A'))).toEqual({ status: null, search: 'A' });
  });
});

describe('orderFieldPath', () => {
  it('puts address errors on their field', () => {
    expect(orderFieldPath(['input', 'shipTo', 'postalCode'])).toEqual(['shipTo', 'postalCode']);
    expect(orderFieldPath(['shipTo', 'countryCode'])).toEqual(['shipTo', 'countryCode']);
  });
  it('puts line errors on the line, skuId on the code field', () => {
    expect(orderFieldPath(['input', 'lines', '2', 'quantity'])).toEqual(['lines', 2, 'quantity']);
    expect(orderFieldPath(['input', 'lines', '0', 'skuId'])).toEqual(['lines', 0, 'skuCode']);
    expect(orderFieldPath(['input', 'lines', '0', 'skuCode'])).toEqual(['lines', 0, 'skuCode']);
  });
  it('leaves the rest to the form', () => {
    expect(orderFieldPath(['input', 'reference'])).toEqual(['reference']);
    expect(orderFieldPath(['input', 'lines'])).toBeNull();
    expect(orderFieldPath(['input', 'idempotencyKey'])).toBeNull();
    expect(orderFieldPath(null)).toBeNull();
  });
});

describe('countryName', () => {
  it('names countries in the UI language', () => {
    expect(countryName('US', 'en')).toBe('United States');
    expect(countryName('DE', 'zh-CN')).toBe('德国');
  });
});

describe('the order page labels', () => {
  const en = messages.en as Record<string, Record<string, Record<string, unknown>>>;
  const zh = messages['zh-CN'] as Record<string, Record<string, Record<string, unknown>>>;

  it('every kind of timeline event, in both languages', () => {
    for (const kind of ORDER_EVENT_KINDS) {
      expect(typeof en.orders?.events?.[kind], `en: ${kind}`).toBe('string');
      expect(typeof zh.orders?.events?.[kind], `zh-CN: ${kind}`).toBe('string');
    }
  });

  it('every carrier and tracking status of a shipment, in both languages', () => {
    // Records keyed by the schema's enums: `tsc` fails when one gains a value.
    const carriers = Object.keys({ MANUAL: true, SIMULATED: true } satisfies Record<CarrierCode, true>);
    const statuses = Object.keys({
      LABEL_CREATED: true,
      PICKED_UP: true,
      IN_TRANSIT: true,
      OUT_FOR_DELIVERY: true,
      DELIVERED: true,
      EXCEPTION: true,
    } satisfies Record<TrackingStatus, true>);
    for (const tree of [en, zh]) {
      for (const carrier of carriers) expect(typeof tree.fulfilment?.carriers?.[carrier], carrier).toBe('string');
      for (const status of statuses) expect(typeof tree.fulfilment?.trackingStatuses?.[status], status).toBe('string');
    }
  });
});
