import { describe, expect, it } from 'vitest';
import { MERCHANT_SCOPES, SCOPES } from './enums';

describe('MERCHANT_SCOPES', () => {
  it('are scopes, and leave out the tenant-wide ones', () => {
    for (const scope of MERCHANT_SCOPES) expect(SCOPES).toContain(scope);
    for (const scope of ['TENANT_WRITE', 'MEMBERS_READ', 'MEMBERS_WRITE', 'AUDIT_READ', 'JOBS_READ', 'JOBS_WRITE', 'WAREHOUSES_WRITE', 'INVENTORY_WRITE', 'COUNTS_APPROVE'] as const) {
      expect(MERCHANT_SCOPES).not.toContain(scope);
    }
  });
});
