import { normaliseScan } from '../../inbound/scan';

/** A location as the counting screen knows it. */
export interface Place {
  id: string;
  code: string;
}

/** A SKU as the counting screen knows it: what a scan of it may read. */
export interface CountSku {
  id: string;
  code: string;
  barcodes: readonly string[];
  lotTracked: boolean;
}

/** What a count task counts: one location (everything in it), or one SKU across its warehouse. */
export type CountScope = { kind: 'location'; location: Place } | { kind: 'sku'; sku: CountSku };

/** Where the counter stands: a location must be scanned first, then items (and a lot-tracked item's lot). */
export type CountStep =
  | { stage: 'location' }
  | { stage: 'item'; location: Place }
  | { stage: 'lot'; location: Place; sku: CountSku };

/** What the screen knows so far: the task's locations and SKUs, and those looked up since. */
export interface Known {
  scope: CountScope;
  places: readonly Place[];
  skus: readonly CountSku[];
}

/** What one scan does at a count. */
export type CountScanOutcome =
  | { kind: 'empty' }
  /** Counting in this location from now on. */
  | { kind: 'location'; location: Place }
  /** Units of a SKU (and lot) found in a location: add them. */
  | { kind: 'count'; location: Place; sku: CountSku; lot: string | null }
  /** A lot-tracked item: the next scan is its lot. */
  | { kind: 'need-lot'; step: Extract<CountStep, { stage: 'lot' }> }
  /** Refused: an item before any location. */
  | { kind: 'location-first'; scanned: string }
  /** Refused: a count of one location takes no other. */
  | { kind: 'wrong-location'; scanned: string; expected: string }
  /** Refused: a count of one SKU counts no other. */
  | { kind: 'wrong-sku'; scanned: string; expected: string }
  /** Refused: a lot was wanted, and this reads as a location or an item. */
  | { kind: 'lot-expected'; scanned: string; sku: string }
  /** Refused: the scan reads as several SKUs; their codes tell them apart. */
  | { kind: 'ambiguous'; scanned: string; codes: string[] }
  /** Not known here: ask the server for a SKU by this scan (a location count finds any SKU). */
  | { kind: 'lookup-sku'; scanned: string }
  /** Not known here: ask the server for a location of the warehouse by this code (a SKU count goes anywhere). */
  | { kind: 'lookup-location'; scanned: string };

/** A GTIN read with or without its leading zeros is the same number; other codes compare without case. */
function comparable(code: string): string {
  return /^\d+$/.test(code) ? code.replace(/^0+(?=\d)/, '') : code.toUpperCase();
}

/** The place whose code was scanned (codes compare without regard to case, as the server's do). */
export function matchPlace(places: readonly Place[], scanned: string): Place | undefined {
  const wanted = scanned.toUpperCase();
  return places.find((p) => p.code.toUpperCase() === wanted);
}

/** The SKUs a scan reads as: by code, or by one of their barcodes. */
export function matchSkus(skus: readonly CountSku[], scanned: string): CountSku[] {
  const wanted = comparable(scanned);
  const found = skus.filter((s) => comparable(s.code) === wanted || s.barcodes.some((b) => comparable(b) === wanted));
  return [...new Map(found.map((s) => [s.id, s])).values()];
}

/**
 * One scan at a count: the location first (a location count takes only its own; a SKU count
 * any of the warehouse, looked up when not known), then items there, one scan each (a
 * lot-tracked item's lot next). Scanning another location moves there.
 */
export function scanAtCount(step: CountStep, raw: string, known: Known): CountScanOutcome {
  const scanned = normaliseScan(raw);
  if (!scanned) return { kind: 'empty' };
  const place = matchPlace(known.places, scanned);
  const skus = matchSkus(known.skus, scanned);
  if (step.stage === 'lot') {
    if (place || skus.length > 0) return { kind: 'lot-expected', scanned, sku: step.sku.code };
    return { kind: 'count', location: step.location, sku: step.sku, lot: scanned };
  }
  if (place) {
    if (known.scope.kind === 'location' && place.id !== known.scope.location.id) {
      return { kind: 'wrong-location', scanned, expected: known.scope.location.code };
    }
    return { kind: 'location', location: place };
  }
  if (skus.length > 0) {
    if (step.stage === 'location') return { kind: 'location-first', scanned };
    if (skus.length > 1) return { kind: 'ambiguous', scanned, codes: skus.map((s) => s.code).sort() };
    const sku = skus[0]!;
    if (known.scope.kind === 'sku' && sku.id !== known.scope.sku.id) {
      return { kind: 'wrong-sku', scanned, expected: known.scope.sku.code };
    }
    if (sku.lotTracked) return { kind: 'need-lot', step: { stage: 'lot', location: step.location, sku } };
    return { kind: 'count', location: step.location, sku, lot: null };
  }
  if (known.scope.kind === 'sku') return { kind: 'lookup-location', scanned };
  if (step.stage === 'location') return { kind: 'wrong-location', scanned, expected: known.scope.location.code };
  return { kind: 'lookup-sku', scanned };
}

/** Units found of one SKU and lot in one location. */
export interface Tallied {
  location: Place;
  sku: CountSku;
  lot: string | null;
  counted: number;
}

/** What has been counted, by `countKey`. */
export type CountTally = Readonly<Record<string, Tallied>>;

/** The key of a SKU and lot in a location (no lot and an empty lot are the same, as on the server). */
export const countKey = (locationId: string, skuId: string, lot: string | null | undefined): string =>
  `${locationId}|${skuId}|${lot ?? ''}`;

/** `tally` with `units` more found (a whole number above zero; anything else changes nothing). */
export function addCount(tally: CountTally, found: Omit<Tallied, 'counted'>, units: number): CountTally {
  if (!Number.isInteger(units) || units <= 0) return tally;
  const key = countKey(found.location.id, found.sku.id, found.lot);
  const now = tally[key]?.counted ?? 0;
  return { ...tally, [key]: { ...found, lot: found.lot || null, counted: now + units } };
}

/** A line of the task as the submission needs it. */
export interface TaskLine {
  location: Place;
  sku: { id: string };
  lot: string | null;
}

/** `cycleCountSubmit` lines, or the locations still to visit. */
export interface CountSubmission {
  lines: { skuId: string; locationId: string; lot: string | null; counted: number }[];
  /** Codes of the locations that must be scanned before the count can go in. */
  unvisited: string[];
}

/**
 * What to submit: every line of the task (zero where its location was visited and nothing of
 * it scanned) and every other SKU or lot found. A location not visited yet is not counted as
 * empty: it is named instead, so the counter goes there. `required` are the locations a count
 * must visit even without lines (a location count's own).
 */
export function countSubmission(
  lines: readonly TaskLine[],
  tally: CountTally,
  visited: ReadonlySet<string>,
  required: readonly Place[] = [],
): CountSubmission {
  const unvisited = new Map<string, string>();
  for (const place of [...required, ...lines.map((l) => l.location)]) {
    if (!visited.has(place.id)) unvisited.set(place.id, place.code);
  }
  const expectedKeys = new Set(lines.map((l) => countKey(l.location.id, l.sku.id, l.lot)));
  const submitted = lines.map((l) => ({
    skuId: l.sku.id,
    locationId: l.location.id,
    lot: l.lot || null,
    counted: tally[countKey(l.location.id, l.sku.id, l.lot)]?.counted ?? 0,
  }));
  for (const [key, found] of Object.entries(tally)) {
    if (expectedKeys.has(key)) continue;
    submitted.push({ skuId: found.sku.id, locationId: found.location.id, lot: found.lot, counted: found.counted });
  }
  return { lines: submitted, unvisited: [...unvisited.values()].sort() };
}
