import type { CountTaskQuery } from '../../../gql/graphql';
import type { CountScope, CountSku, Place } from './counting';

/** A count task as its page reads it. */
export type Task = Extract<NonNullable<CountTaskQuery['node']>, { __typename?: 'CountTask' }>;
export type TaskLine = Task['lines'][number];

interface SkuLike {
  id: string;
  code: string;
  lotTracked: boolean;
  barcodes: ReadonlyArray<{ barcode: string }>;
}

/** A SKU of the API as the counting logic matches scans against it. */
export const countSku = (sku: SkuLike): CountSku => ({
  id: sku.id,
  code: sku.code,
  lotTracked: sku.lotTracked,
  barcodes: sku.barcodes.map((b) => b.barcode),
});

/** What a task counts, or undefined for a task the caller cannot read whole. */
export function scopeOf(task: Task): CountScope | undefined {
  if (task.location) return { kind: 'location', location: { id: task.location.id, code: task.location.code } };
  if (task.sku) return { kind: 'sku', sku: countSku(task.sku) };
  return undefined;
}

/** The task's lines with their location and SKU (a line whose SKU or location cannot be read is left out). */
export function taskLines(task: Task): { location: Place; sku: CountSku; lot: string | null; expected: number | null }[] {
  return task.lines.flatMap((line) =>
    line.location && line.sku
      ? [{ location: { id: line.location.id, code: line.location.code }, sku: countSku(line.sku), lot: line.lot ?? null, expected: line.expected ?? null }]
      : [],
  );
}
