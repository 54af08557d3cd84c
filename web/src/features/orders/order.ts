import type { OrderEventKind, OrderStatus } from '../../gql/graphql';

export const ORDER_STATUSES: OrderStatus[] = [
  'RECEIVED', 'ALLOCATED', 'BACKORDERED', 'PICKING', 'PACKED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'EXCEPTION',
];

/**
 * Tag colours whose text keeps WCAG AA contrast: of antd's presets red, blue, geekblue, purple
 * and magenta do (orange, cyan and green do not); dark orange and dark green take white text.
 */
export const STATUS_COLOURS: Record<OrderStatus, string> = {
  RECEIVED: 'default',
  ALLOCATED: 'blue',
  BACKORDERED: '#ad4e00',
  PICKING: 'magenta',
  PACKED: 'geekblue',
  SHIPPED: 'purple',
  DELIVERED: '#237804',
  CANCELLED: 'default',
  EXCEPTION: 'red',
};

/** What can happen to an order, each labelled in its timeline (a Record, so `tsc` fails when the schema gains one). */
export const ORDER_EVENT_KINDS = Object.keys({
  RECEIVED: true,
  ALLOCATED: true,
  BACKORDERED: true,
  PICKING: true,
  PICKED: true,
  PACKED: true,
  SHIPPED: true,
  DELIVERED: true,
  CANCELLED: true,
  EXCEPTION: true,
} satisfies Record<OrderEventKind, true>) as OrderEventKind[];

/** States an order can still be cancelled in (the server decides; this only hides the button). */
export const CANCELLABLE: readonly OrderStatus[] = ['RECEIVED', 'ALLOCATED', 'BACKORDERED', 'PICKING', 'PACKED', 'EXCEPTION'];

export interface OrderFilters {
  status?: OrderStatus | null;
  merchantId?: string | null;
  search?: string;
}

/** `orders` variables of the list's filters: unset ones null, the reference search trimmed. */
export function orderVariables(filters: OrderFilters): { status: OrderStatus | null; merchantId: string | null; query: string | null } {
  return {
    status: filters.status ?? null,
    merchantId: filters.merchantId || null,
    query: filters.search?.trim() || null,
  };
}

/** The list's filters from the address bar (`?status=BACKORDERED`), as the dashboard links them. */
export function filtersFromParams(params: URLSearchParams): OrderFilters {
  const status = params.get('status');
  return { status: ORDER_STATUSES.find((s) => s === status) ?? null, search: params.get('q') ?? '' };
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface AllocationLike {
  warehouse?: { code: string } | null;
  quantity: number;
  rule: 'IN_STOCK_NEAREST' | 'SPLIT';
  distanceKm?: number | null;
  availableBefore: number;
  releasedAt?: string | null;
}

/**
 * Why units went where they went, in words: "LAX1: 3 units — in stock and nearest (0 km);
 * 10 available before", "(given back)" once released.
 */
export function allocationReason(a: AllocationLike, t: Translate): string {
  const name = t(a.rule === 'SPLIT' ? 'orders.allocation.split' : 'orders.allocation.inStockNearest');
  const rule = a.distanceKm == null ? name : t('orders.allocation.distance', { rule: name, km: a.distanceKm });
  const text = t('orders.allocation.reason', {
    warehouse: a.warehouse?.code ?? '?',
    units: t('orders.allocation.units', { count: a.quantity }),
    rule,
    available: a.availableBefore,
  });
  return a.releasedAt ? t('orders.allocation.released', { text }) : text;
}

/**
 * Where a userError of `orderCreate` belongs in the form: its path without `input`, line
 * positions as numbers, `skuId` shown on the SKU code field the form has; null when the form
 * has no such field (the error then goes above the form).
 */
export function orderFieldPath(field: ReadonlyArray<string> | null | undefined): (string | number)[] | null {
  if (!field) return null;
  const path = field[0] === 'input' ? field.slice(1) : [...field];
  const [head, ...rest] = path;
  if (head === 'merchantId' || head === 'reference' || head === 'serviceLevel' || head === 'note') return rest.length === 0 ? [head] : null;
  if (head === 'shipTo' && rest.length === 1) return ['shipTo', rest[0]!];
  if (head === 'lines' && rest.length === 2 && /^\d+$/.test(rest[0]!)) {
    const leaf = rest[1] === 'skuId' ? 'skuCode' : rest[1]!;
    return leaf === 'skuCode' || leaf === 'quantity' ? ['lines', Number(rest[0]), leaf] : null;
  }
  return null;
}

/** ISO 3166-1 alpha-2 codes offered for a ship-to country (the server knows their address rules). */
export const COUNTRIES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
  'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
  'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
  'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
  'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ');

/** A country's name in the UI language ("United States", "美国"), the code when unknown. */
export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
