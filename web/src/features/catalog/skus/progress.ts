import type { SkuImportState } from '../../../gql/graphql';

/** `GET /exports/skus.csv` of one merchant (none: a merchant user's own). */
export function exportUrl(merchantId: string | null): string {
  return merchantId ? `/exports/skus.csv?merchantId=${encodeURIComponent(merchantId)}` : '/exports/skus.csv';
}

/** Whether an import is done (no more progress to poll for). */
export function isFinished(state: SkuImportState | undefined): boolean {
  return state === 'SUCCEEDED' || state === 'FAILED';
}

/** Rows done of rows total as a whole percentage (0 for an empty file not yet done). */
export function percentDone(rowsDone: number, rowsTotal: number, state?: SkuImportState): number {
  if (state === 'SUCCEEDED') return 100;
  if (rowsTotal <= 0) return 0;
  return Math.min(100, Math.floor((rowsDone * 100) / rowsTotal));
}
