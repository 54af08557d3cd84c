/** `GET /exports/skus.csv` of one merchant (none: a merchant user's own). */
export function exportUrl(merchantId: string | null): string {
  return merchantId ? `/exports/skus.csv?merchantId=${encodeURIComponent(merchantId)}` : '/exports/skus.csv';
}
