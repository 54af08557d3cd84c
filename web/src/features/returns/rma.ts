/** The counts of a return line (as `ReturnLine` has them). */
export interface LineCounts {
  expected: number;
  received: number;
  restocked: number;
  damaged: number;
  disposed: number;
  awaitingInspection: number;
}

/** Where one line of a return stands. */
export type LineState = 'expected' | 'receiving' | 'inspecting' | 'done';

/**
 * A line's state: nothing back yet, some back (none waiting for inspection), units waiting in
 * quarantine for inspection, or every unit expected back and inspected.
 */
export function lineState(line: LineCounts): LineState {
  if (line.awaitingInspection > 0) return 'inspecting';
  if (line.received >= line.expected) return 'done';
  return line.received > 0 ? 'receiving' : 'expected';
}

/** What the scan field does: receive units coming back, or inspect units received. */
export type ScanMode = 'receive' | 'inspect';

/**
 * The scan mode that comes up by itself: inspecting once everything expected is back,
 * receiving while nothing waits for inspection, else what the operator chose; null when
 * every unit is back and inspected.
 */
export function nextMode(lines: readonly LineCounts[], chosen: ScanMode): ScanMode | null {
  const allBack = lines.every((l) => l.received >= l.expected);
  const waiting = lines.some((l) => l.awaitingInspection > 0);
  if (allBack && !waiting) return null;
  if (allBack) return 'inspect';
  if (!waiting) return 'receive';
  return chosen;
}

/** Units over a return's lines: expected back, received and inspected. */
export function totals(lines: readonly LineCounts[]): { expected: number; received: number; inspected: number } {
  return lines.reduce(
    (sum, l) => ({
      expected: sum.expected + l.expected,
      received: sum.received + l.received,
      inspected: sum.inspected + l.restocked + l.damaged + l.disposed,
    }),
    { expected: 0, received: 0, inspected: 0 },
  );
}

/** `returnCreate` lines of the units chosen per SKU: only those above zero. */
export function returnLines(chosen: Readonly<Record<string, number | null | undefined>>): { skuId: string; quantity: number }[] {
  return Object.entries(chosen).flatMap(([skuId, quantity]) => (quantity && quantity > 0 ? [{ skuId, quantity }] : []));
}

/** Order states a return may be made against. */
export const RETURNABLE = ['SHIPPED', 'DELIVERED'] as const;

/**
 * Units of each SKU an order may still send back: what it shipped less what its earlier
 * returns (not cancelled ones) expect, never below zero.
 */
export function returnable(
  orderLines: ReadonlyArray<{ quantity: number; sku?: { id: string } | null }>,
  earlier: ReadonlyArray<{ status: string; lines: ReadonlyArray<{ expected: number; sku?: { id: string } | null }> }>,
): Record<string, number> {
  const left: Record<string, number> = {};
  for (const line of orderLines) if (line.sku) left[line.sku.id] = (left[line.sku.id] ?? 0) + line.quantity;
  for (const rma of earlier) {
    if (rma.status === 'CANCELLED') continue;
    for (const line of rma.lines) if (line.sku && line.sku.id in left) left[line.sku.id] = Math.max(0, left[line.sku.id]! - line.expected);
  }
  return left;
}
