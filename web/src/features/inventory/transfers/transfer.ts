import type { UserErrorLike } from '../../../lib/userErrors';

/** A line of the new-transfer form. */
export interface LineValues {
  skuId?: string;
  fromLocationId?: string;
  lot?: string;
  quantity?: number;
}

/** Units over a transfer's lines. */
export const unitsOf = (lines: ReadonlyArray<{ quantity: number }>): number => lines.reduce((sum, l) => sum + l.quantity, 0);

/** `stockTransferCreate` lines of the form: a lot only when typed. */
export function lineInputs(lines: readonly LineValues[]): { skuId: string; fromLocationId: string; lot: string | null; quantity: number }[] {
  return lines.map((l) => ({
    skuId: l.skuId ?? '',
    fromLocationId: l.fromLocationId ?? '',
    lot: l.lot?.trim() || null,
    quantity: l.quantity ?? 0,
  }));
}

/** Fields of the new-transfer form a userError may name. */
const TOP = ['reference', 'toWarehouseId', 'note'] as const;
const LINE = ['skuId', 'fromLocationId', 'lot', 'quantity'] as const;

/**
 * The server's userErrors placed on the form: `["input", "reference"]` beside the reference,
 * `["input", "lines", "1", "quantity"]` beside the second line's units; the rest above the form.
 */
export function placeErrors(errors: readonly UserErrorLike[]): { fields: { name: (string | number)[]; errors: string[] }[]; form: string[] } {
  const fields = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const form: string[] = [];
  for (const error of errors) {
    const path = (error.field ?? []).filter((p) => p !== 'input');
    let name: (string | number)[] | null = null;
    if (path.length === 1 && (TOP as readonly string[]).includes(path[0]!)) name = [path[0]!];
    const [list, index, field] = path;
    if (path.length === 3 && list === 'lines' && /^\d+$/.test(index!) && (LINE as readonly string[]).includes(field!)) name = ['lines', Number(index), field!];
    if (!name) {
      form.push(error.message);
      continue;
    }
    const key = name.join('.');
    fields.set(key, { name, errors: [...(fields.get(key)?.errors ?? []), error.message] });
  }
  return { fields: [...fields.values()], form };
}
