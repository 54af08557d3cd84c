/** Stock age (库龄) buckets, in whole days since receipt: the slow-mover report's bands. */
export const AGE_BUCKETS = ['0-30', '31-90', '91-180', '181+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** The bucket of a stock age in days (a negative age, received "tomorrow" in another zone, is fresh). */
export function ageBucket(days: number): AgeBucket {
  if (days <= 30) return '0-30';
  if (days <= 90) return '31-90';
  if (days <= 180) return '91-180';
  return '181+';
}

/** Units per age bucket, every bucket present (0 when empty). */
export function ageSummary(bins: ReadonlyArray<{ ageDays: number; onHand: number }>): Record<AgeBucket, number> {
  const out = Object.fromEntries(AGE_BUCKETS.map((b) => [b, 0])) as Record<AgeBucket, number>;
  for (const bin of bins) out[ageBucket(bin.ageDays)] += bin.onHand;
  return out;
}

/** Tag colour of a bucket: older is warmer. */
/** Dark enough for white text to pass WCAG AA contrast (antd's light presets do not). */
export const AGE_COLOURS: Record<AgeBucket, string> = {
  '0-30': '#237804',
  '31-90': '#0958d9',
  '91-180': '#ad4e00',
  '181+': '#a8071a',
};

export interface BinLike {
  location?: { id: string } | null;
  lot?: string | null;
  onHand: number;
}

/**
 * The units of a SKU (and lot) in one location as `inventorySetOnHand` counts them: every
 * receipt day of that lot together. `lot` null or '' means the untracked lot.
 */
export function unitsAt(bins: ReadonlyArray<BinLike>, locationId: string, lot: string | null | undefined): number {
  const wanted = lot || null;
  return bins
    .filter((b) => b.location?.id === locationId && (b.lot || null) === wanted)
    .reduce((sum, b) => sum + b.onHand, 0);
}

/** The filters of the levels tab. */
export interface LevelFilters {
  warehouseId?: string | null;
  merchantId?: string | null;
  skuId?: string | null;
  atSafetyStock?: boolean;
}

/** `stockLevels` variables of the filters: unset ones left out, `atSafetyStock` only when on. */
export function levelVariables(filters: LevelFilters): {
  warehouseId: string | null;
  merchantId: string | null;
  skuId: string | null;
  atSafetyStock: boolean | null;
} {
  return {
    warehouseId: filters.warehouseId || null,
    merchantId: filters.merchantId || null,
    skuId: filters.skuId || null,
    atSafetyStock: filters.atSafetyStock ? true : null,
  };
}

/** Path of a level's drill-down page. */
export const levelPath = (skuId: string, warehouseId: string): string =>
  `/stock/${encodeURIComponent(skuId)}/${encodeURIComponent(warehouseId)}`;

/** A signed delta as people write it: +5, −3 (with a true minus sign), 0. */
export function signed(delta: number): string {
  if (delta > 0) return `+${delta}`;
  if (delta < 0) return `−${Math.abs(delta)}`;
  return '0';
}

/** Who did it, from the ledger's `actor` (`user:<id>`, `client:<id>`, `system`). */
export function actorKind(actor: string): 'user' | 'client' | 'system' {
  if (actor.startsWith('user:')) return 'user';
  if (actor.startsWith('client:')) return 'client';
  return 'system';
}
