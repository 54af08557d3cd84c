/** Relay connection arguments for one page. */
export interface PageArgs {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

export interface PageInfoLike {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

export const firstPage = (size: number): PageArgs => ({ first: size });

export function nextPage(size: number, pageInfo: PageInfoLike): PageArgs {
  return pageInfo.endCursor ? { first: size, after: pageInfo.endCursor } : firstPage(size);
}

export function previousPage(size: number, pageInfo: PageInfoLike): PageArgs {
  return pageInfo.startCursor ? { last: size, before: pageInfo.startCursor } : firstPage(size);
}

/**
 * Whether the pager buttons are usable. Relay lets a server answer hasPreviousPage=false when
 * paging forward (and hasNextPage=false when paging backward), so the direction we came from
 * also counts: after moving forward there is a previous page, after moving back a next one.
 */
export function pagerState(args: PageArgs, pageInfo: PageInfoLike | undefined) {
  return {
    canPrevious: Boolean(args.after) || (pageInfo?.hasPreviousPage ?? false),
    canNext: Boolean(args.before) || (pageInfo?.hasNextPage ?? false),
  };
}
