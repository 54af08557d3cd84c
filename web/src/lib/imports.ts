import type { ImportState } from '../gql/graphql';

/** Whether an import is done (no more progress to poll for). */
export function isFinished(state: ImportState | undefined): boolean {
  return state === 'SUCCEEDED' || state === 'FAILED';
}

/** Rows done of rows total as a whole percentage (0 for an empty file not yet done). */
export function percentDone(rowsDone: number, rowsTotal: number, state?: ImportState): number {
  if (state === 'SUCCEEDED') return 100;
  if (rowsTotal <= 0) return 0;
  return Math.min(100, Math.floor((rowsDone * 100) / rowsTotal));
}
