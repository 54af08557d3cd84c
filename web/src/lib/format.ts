let tenantTimeZone: string | undefined;

/**
 * The IANA zone times are shown in: the signed-in tenant's (set with its viewer), so the portal
 * and the tenant's mails agree; the browser's zone when unset.
 */
export function setDisplayTimeZone(zone: string | null | undefined): void {
  tenantTimeZone = zone || undefined;
}

function dateTimeFormat(language: string, timeZone: string | undefined): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'shortOffset',
  });
}

/**
 * RFC 3339 timestamp as date and time in the UI language and in `timeZone` (the tenant's by
 * default, see `setDisplayTimeZone`), with the zone named by its offset as mails name it:
 * "01/10/2026, 20:00:00 GMT+8" (zh-CN: "2026/01/10 GMT+8 20:00:00"). '' when absent, the input when unparsable; an unknown zone
 * falls back to the browser's.
 */
export function formatDateTime(
  iso: string | null | undefined,
  language: string,
  timeZone: string | undefined = tenantTimeZone,
): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return dateTimeFormat(language, timeZone).format(date);
  } catch {
    return dateTimeFormat(language, undefined).format(date);
  }
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * RFC 3339 timestamp relative to `now` in the UI language ("3 hours ago", "in 5 minutes"),
 * in the largest unit that fits; '' when absent, the input when unparsable.
 */
export function formatRelative(iso: string | null | undefined, language: string, now: number = Date.now()): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const seconds = Math.round((time - now) / 1000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') return format.format(Math.round(seconds / size), unit);
  }
  return iso;
}
