import type { TFunction } from 'i18next';

/** The named quantities of a level, in the order the trade reads them. */
export const QUANTITIES = ['onHand', 'reserved', 'damaged', 'qualityControl', 'safetyStock', 'incoming', 'available'] as const;
export type Quantity = (typeof QUANTITIES)[number];

type Quantities = Record<Quantity, number>;

/** Table columns of the named quantities; `available` bold, as it is what can be sold. */
export function quantityColumns<T extends Quantities>(t: TFunction) {
  return QUANTITIES.map((q) => ({
    key: q,
    title: t(`stock.quantities.${q}`),
    align: 'right' as const,
    render: (_: unknown, row: T) => (q === 'available' ? <strong data-testid={`qty-${q}`}>{row[q]}</strong> : <span data-testid={`qty-${q}`}>{row[q]}</span>),
  }));
}
