import { normaliseScan, scanMatches, type Scannable } from '../inbound/scan';

/** Where a pick stands: the location must be scanned first, then the item. */
export type PickStep = { stage: 'location' } | { stage: 'item'; location: string };

/** What a scan at a pick task does. */
export type PickScanOutcome =
  | { kind: 'location-ok'; step: PickStep }
  | { kind: 'location-wrong'; scanned: string; expected: string }
  | { kind: 'confirm'; location: string; barcode: string }
  | { kind: 'empty' };

/**
 * One scan at a task whose location is `expected`: the first scan must be its location (codes
 * compare without regard to case, as the server does), the second is the item, which the server
 * checks against the task's SKU.
 */
export function scanAtTask(step: PickStep, raw: string, expected: string): PickScanOutcome {
  const scanned = normaliseScan(raw);
  if (!scanned) return { kind: 'empty' };
  if (step.stage === 'location') {
    if (scanned.toUpperCase() !== expected.toUpperCase()) return { kind: 'location-wrong', scanned, expected };
    return { kind: 'location-ok', step: { stage: 'item', location: scanned } };
  }
  return { kind: 'confirm', location: step.location, barcode: scanned };
}

/** Units scanned into a package so far: one entry per distinct scan, in first-scan order, with the SKU it named. */
export type Tally = readonly { barcode: string; code: string; quantity: number }[];

/** What packing needs of an order: its lines and what its packages hold already. */
export interface PackingOrder {
  lines: readonly { quantity: number; sku?: Scannable | null }[];
  packages: readonly { items: readonly { quantity: number; sku?: { code: string } | null }[] }[];
}

/** What one scan at the packing bench does. */
export type PackScanOutcome =
  | { kind: 'empty' }
  | { kind: 'not-in-order'; scanned: string }
  | { kind: 'too-many'; code: string; ordered: number }
  | { kind: 'added'; tally: Tally; code: string; scanned: number; ordered: number; complete: boolean };

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * One scan of one unit into the package being packed: refused at once when it names no SKU of
 * the order (the server would refuse the package) or one whose units are all packed or scanned
 * already; else counted. `complete` says every unit of the order is now packed or scanned.
 */
export function packScan(order: PackingOrder, tally: Tally, raw: string): PackScanOutcome {
  const scanned = normaliseScan(raw);
  if (!scanned) return { kind: 'empty' };
  const line = order.lines.find((l) => l.sku && scanMatches(scanned, l.sku));
  const code = line?.sku?.code;
  if (!code) return { kind: 'not-in-order', scanned };
  const ordered = sum(order.lines.filter((l) => l.sku?.code === code).map((l) => l.quantity));
  const packed = sum(order.packages.flatMap((p) => p.items.filter((i) => i.sku?.code === code).map((i) => i.quantity)));
  const inTally = sum(tally.filter((x) => x.code === code).map((x) => x.quantity));
  if (packed + inTally >= ordered) return { kind: 'too-many', code, ordered };
  const next = tally.some((x) => x.barcode === scanned)
    ? tally.map((x) => (x.barcode === scanned ? { ...x, quantity: x.quantity + 1 } : x))
    : [...tally, { barcode: scanned, code, quantity: 1 }];
  const everything = sum(order.lines.map((l) => l.quantity));
  const done = sum(order.packages.flatMap((p) => p.items.map((i) => i.quantity))) + sum(next.map((x) => x.quantity));
  return { kind: 'added', tally: next, code, scanned: packed + inTally + 1, ordered, complete: done >= everything };
}

/** Whole positive millimetres or grams from a form field, or null. */
export function positiveWhole(value: number | null | undefined): number | null {
  return value != null && Number.isInteger(value) && value > 0 ? value : null;
}
