/**
 * IANA time zones for a picker: the browser's list (`Intl.supportedValuesOf`, which leaves
 * out `UTC` in some engines), plus `UTC` and any `extra` zone (the value already saved),
 * sorted and without duplicates.
 */
export function timeZoneNames(extra: readonly (string | null | undefined)[] = []): string[] {
  let supported: string[] = [];
  try {
    supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  } catch {
    supported = [];
  }
  const names = new Set<string>(['UTC', ...supported]);
  for (const zone of extra) if (zone) names.add(zone);
  return [...names].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}
