import { useState } from 'react';
import { firstPage, nextPage, previousPage, type PageArgs, type PageInfoLike } from './paging';

/** Relay cursor paging state for one table. */
export function usePager(size: number) {
  const [args, setArgs] = useState<PageArgs>(() => firstPage(size));
  return {
    args,
    next: (pageInfo: PageInfoLike) => setArgs(nextPage(size, pageInfo)),
    previous: (pageInfo: PageInfoLike) => setArgs(previousPage(size, pageInfo)),
    reset: () => setArgs(firstPage(size)),
  };
}
