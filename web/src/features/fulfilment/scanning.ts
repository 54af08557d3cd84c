import { normaliseScan } from '../inbound/scan';

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

/** Units scanned into a package so far: one entry per distinct scan, in first-scan order. */
export type Tally = readonly { barcode: string; quantity: number }[];

/** `tally` with one more scan of `raw` (`quantity` units). */
export function addScan(tally: Tally, raw: string, quantity = 1): Tally {
  const barcode = normaliseScan(raw);
  if (!barcode || quantity <= 0) return tally;
  const found = tally.find((t) => t.barcode === barcode);
  if (!found) return [...tally, { barcode, quantity }];
  return tally.map((t) => (t.barcode === barcode ? { barcode, quantity: t.quantity + quantity } : t));
}

/** Whole positive millimetres or grams from a form field, or null. */
export function positiveWhole(value: number | null | undefined): number | null {
  return value != null && Number.isInteger(value) && value > 0 ? value : null;
}
