import { describe, expect, it } from 'vitest';
import { exportUrl } from './exportUrl';

describe('SKU export', () => {
  it('exports one merchant, or a merchant user its own', () => {
    expect(exportUrl('gid://silkport/Merchant/1')).toBe('/exports/skus.csv?merchantId=gid%3A%2F%2Fsilkport%2FMerchant%2F1');
    expect(exportUrl(null)).toBe('/exports/skus.csv');
  });
});
