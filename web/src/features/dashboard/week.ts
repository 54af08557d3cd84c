/** A day as `YYYY-MM-DD` in the browser's zone (ETAs are dates in the warehouse's zone). */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `day` plus `days` days, both `YYYY-MM-DD` (calendar arithmetic, no zone). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Shipments due from `today` to `days` days after it, both included (an overdue one, ETA
 * passed and still in transit, is not "this week": it is late). Counts them and their units.
 */
export function arrivingWithin(
  shipments: ReadonlyArray<{ eta?: string | null; expectedUnits: number }>,
  today: string,
  days = 7,
): { count: number; units: number } {
  const last = addDays(today, days);
  const due = shipments.filter((s) => s.eta != null && s.eta >= today && s.eta <= last);
  return { count: due.length, units: due.reduce((sum, s) => sum + s.expectedUnits, 0) };
}
