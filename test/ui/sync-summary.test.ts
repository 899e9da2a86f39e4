import { describe, expect, it } from 'vitest';
import { describeProgress, describeSyncSummary, syncSummaryOf } from '../../web/src/pages/sync-summary.ts';

describe('the sync panel in words', () => {
  it('reads the done event ({ runId, summary }) and the plain sync answer alike', () => {
    const summary = { staged: 2, imported: 1 };
    expect(syncSummaryOf({ runId: 'r1', summary })).toBe(summary);
    expect(syncSummaryOf(summary)).toBe(summary);
  });

  it('says what was fetched, staged, imported and failed, and why an order failed', () => {
    const lines = describeSyncSummary({
      stage: { fetched: 3 },
      staged: 3,
      imported: 2,
      conflicts: 0,
      errors: [{ name: '#1001', message: 'accounts.shippingCharges is not set' }],
      skipped: 0,
      warnings: [],
      archived: 0,
      refunds: { processed: 1, waiting: 0, not_convertible: 0, error: 0 },
      refundErrors: [],
    });
    expect(lines).toEqual([
      'Fetched 3 orders from Shopify: 3 staged, 2 imported, 1 failed.',
      '1 refund: 1 booked.',
      'Not imported: #1001 (accounts.shippingCharges is not set).',
    ]);
  });

  it('names the phase of a running sync', () => {
    expect(
      describeProgress({ runId: 'r', phase: 'importing', fetched: 4, staged: 4, imported: 1, failed: 0 }),
    ).toBe('Importing: 4 fetched, 4 staged, 1 imported, 0 failed');
  });
});
