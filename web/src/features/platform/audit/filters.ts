import type { Dayjs } from 'dayjs';
import type { AuditLogFilter } from '../../../gql/graphql';

/** What the operator chose above the feed. */
export interface FeedFilters {
  /** A `User` or `ApiClient` id. */
  actorId?: string | undefined;
  actions: string[];
  /** First and last day, inclusive, in the browser's time zone. */
  days?: [Dayjs, Dayjs] | null | undefined;
}

export const NO_FILTERS: FeedFilters = { actions: [] };

/**
 * The server's filter for the chosen ones: the days become the instants [start of the first
 * day, start of the day after the last), so the whole last day is included.
 */
export function toServerFilter(filters: FeedFilters): AuditLogFilter {
  const filter: AuditLogFilter = {};
  if (filters.actorId) filter.actorId = filters.actorId;
  if (filters.actions.length > 0) filter.actions = filters.actions;
  if (filters.days) {
    const [first, last] = filters.days;
    filter.since = first.startOf('day').toISOString();
    filter.until = last.add(1, 'day').startOf('day').toISOString();
  }
  return filter;
}

export const isFiltered = (filters: FeedFilters) =>
  Boolean(filters.actorId) || filters.actions.length > 0 || Boolean(filters.days);
