import { describe, expect, inject, it } from 'vitest';
import { runScaleOut } from '../support/runtime/scale-out.ts';

/**
 * Issue 7 item 4 on the real PostgreSQL server: one `serve` process (API + webhook receiver, no
 * worker) and three `worker` processes against one database; Shopify (the emulator) under
 * standard throttling delivers the merchant's orders, refunds, returns, edits and fulfilments as
 * webhooks, 20% of them twice and out of order (a random delay of up to 3 s each).
 *
 * The 5,000 orders cannot be read in minutes: Shopify's Standard bucket restores 100
 * points/s and the sync spends ~170 points an order (one or two reads of each order, its jobs
 * coalescing per order, plus the periodic catch-up sync), so 5,000 orders take about 2.5 hours
 * (`npm run bench:scale-out`, bench/results/scale-out.json). CI runs 100 orders, which took
 * ~3 minutes on 2 cores (120 orders: 211 s, with the periodic sync reading them all once more);
 * STOREBRIDGE_SCALE_OUT_ORDERS sets another size.
 */
const orders = Number(process.env.STOREBRIDGE_SCALE_OUT_ORDERS ?? 100);
const adminUrl = inject('postgresUrl');

const suite = adminUrl ? describe : describe.skip;
const reason = adminUrl ? '' : ` (skipped: ${inject('postgresSkipReason')})`;

suite(`three worker processes on one PostgreSQL server (issue 7 item 4)${reason}`, () => {
  it(`${orders} orders with refunds as duplicated, out-of-order webhooks: every document exactly once, the books reconcile, no THROTTLED surfaced`, async () => {
    const result = await runScaleOut({ adminUrl: adminUrl!, orders, timeoutMs: 270_000, log: console.info });

    // Shopify delivered everything, duplicates included.
    expect(result.deliveries.notDelivered).toEqual([]);
    expect(result.deliveries.duplicates).toBeGreaterThan(0);

    // Every Shopify order imported once, in its newest state.
    const { orderIds, refundIds, updatedAt } = result.shopify;
    expect(result.imported.orders.map((o) => o.shopify_order_id).sort()).toEqual(orderIds);
    const cancelled = result.shopify.cancelled;
    // Documents for each, unless Shopify cancelled it with nothing left to book (seed 002).
    const unbooked = result.imported.orders.filter((o) => !o.processed).map((o) => o.shopify_order_id);
    expect(unbooked.filter((id) => !cancelled.has(id))).toEqual([]);
    const stale = result.imported.orders.filter(
      (o) => o.updated_at_shopify.getTime() !== Date.parse(updatedAt.get(o.shopify_order_id)!),
    );
    expect(stale.map((o) => o.shopify_order_id)).toEqual([]);
    // Every refund seen once, none in error.
    expect(result.imported.refunds.map((r) => r.shopify_refund_id).sort()).toEqual(refundIds);
    expect(refundIds.length).toBeGreaterThan(orders / 10);
    expect(result.imported.refunds.filter((r) => r.status === 'error')).toEqual([]);

    // Every sales and refund document exactly once, and the books reconcile with Shopify.
    expect(result.books.duplicates).toEqual([]);
    const documented = new Set(result.books.documents.map((d) => d.shopifyOrderId));
    expect(orderIds.filter((id) => !documented.has(id) && !cancelled.has(id))).toEqual([]);
    const refundDocuments = new Set(result.books.documents.flatMap((d) => d.shopifyRefundId ?? []));
    expect(refundDocuments.size).toBeGreaterThan(0);
    expect(result.reconcile.differences).toEqual([]);
    expect(result.reconcile.orders).toBe(orders);

    // Nothing for an operator to look at: no dead letters, no job failed on THROTTLED.
    expect(result.deadLetters).toEqual([]);
    expect(result.jobs.throttled).toEqual([]);
    console.info(
      `scale-out: ${orders} orders, ${result.books.documents.length} documents, ${result.seconds} s, ` +
        `${result.deliveries.logged} deliveries logged (${result.deliveries.duplicates} duplicates), ` +
        `${result.requests} requests, ${result.costPoints} cost points, ` +
        `${result.throttledAnswers} THROTTLED answers retried, jobs ${JSON.stringify(result.jobs.counts)}`,
    );
  }, 330_000);
});
