import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createShopState, type Order, type ShopState } from '../../src/domain/index.ts';
import { orderCases, skippedCases, type OrderCase } from '../../src/simulator/mix.ts';
import { simulate } from '../../src/simulator/run-simulation.ts';

const clock = () => new Date('2025-03-01T10:00:00.000Z');

function generate(orders: number, seed: number | string) {
  const state = createShopState({ clock });
  const report = simulate(state, { orders, seed });
  return { state, report, hash: createHash('sha256').update(JSON.stringify(state.toJSON())).digest('hex') };
}

/** What each case must have left on its order, read from the records (not from the report). */
const evidence: Record<string, (order: Order, state: ShopState) => boolean> = {
  plain: (o) => o.fulfillments.length > 0,
  'partial-fulfillment': (o) => o.fulfillments.length >= 2,
  'authorize-capture': (o) => o.transactions.some((t) => t.kind === 'capture'),
  'b2b-pay-later': (o) => o.companyId !== null && o.transactions.some((t) => t.kind === 'sale'),
  'refund-quantity-only': (o) =>
    o.refunds.some(
      (r) => r.refundLineItems.length > 0 && r.transactionIds.length === 0 && r.origin === 'refund',
    ),
  'refund-amount-only': (o) =>
    o.refunds.some((r) => r.refundLineItems.length === 0 && r.transactionIds.length > 0),
  'refund-return-restock': (o) =>
    o.refunds.some((r) => r.refundLineItems.some((l) => l.restockType === 'return')),
  'refund-no-restock': (o) =>
    o.refunds.some((r) => r.refundLineItems.some((l) => l.restockType === 'no_restock')),
  'refund-cancel-restock': (o) =>
    o.refunds.some(
      (r) => r.refundLineItems.some((l) => l.restockType === 'cancel') && r.transactionIds.length > 0,
    ),
  'refund-shipping-only': (o) =>
    o.refunds.some((r) => r.refundShippingLines.length > 0 && r.refundLineItems.length === 0),
  'refund-discrepancy': (o) =>
    o.refunds.some((r) => r.orderAdjustments.some((a) => a.kind === 'refund_discrepancy')),
  // Made pending, settled by the gateway later in the history.
  'refund-pending': (o) =>
    o.transactions.some(
      (t) => t.kind === 'refund' && t.status === 'success' && t.message === null && t.gateway !== 'gift_card',
    ) && o.updatedAt > o.refunds[0]!.createdAt,
  'return-with-refund': (o) => o.returns.some((r) => r.status === 'CLOSED' && r.refundIds.length > 0),
  'return-without-refund': (o) => o.returns.some((r) => r.status === 'CLOSED' && r.refundIds.length === 0),
  'return-declined': (o) => o.returns.some((r) => r.status === 'DECLINED'),
  'edit-quantity-down': (o, s) => s.data.orderEdits.some((e) => e.orderId === o.id && e.committed),
  'edit-item-removed': (o) => o.refunds.some((r) => r.origin === 'order_edit'),
  'edit-item-added': (o) => o.lineItems.some((l) => l.addedByEdit),
  'edit-quantity-up': (o) => o.lineItems.some((l) => (l.unitsAddedByEdit?.quantity ?? 0) > 0),
  // The cheaper exchange got the difference back; the pricier one owed it and paid it later.
  'exchange-cheaper': (o) =>
    o.returns.some((r) => (r.exchangeLineItems?.length ?? 0) > 0 && r.status === 'CLOSED') &&
    o.refunds.some((r) => r.returnId !== null && r.transactionIds.length > 0),
  'exchange-pricier': (o) =>
    o.returns.some((r) => (r.exchangeLineItems?.length ?? 0) > 0 && r.status === 'CLOSED') &&
    o.refunds.some((r) => r.returnId !== null && r.transactionIds.length === 0) &&
    o.transactions.filter((t) => t.kind === 'sale').length >= 2,
  'cancel-paid': (o) => o.cancelledAt !== null && o.refunds.length > 0,
  'cancel-unpaid': (o) => o.cancelledAt !== null && o.transactions.length === 0,
};

describe('merchant simulator', () => {
  it('is deterministic: same seed and clock, byte-identical shop', () => {
    expect(generate(60, 'demo').hash).toBe(generate(60, 'demo').hash);
    expect(generate(60, 'demo').hash).not.toBe(generate(60, 'other').hash);
  });

  it('produces every hard case on a 300-order corpus, seen in the records', () => {
    const { state, report } = generate(300, 'demo');
    expect(report.errors).toEqual([]);
    expect(report.orderIds).toHaveLength(300);
    expect(report.skipped).toEqual({});
    expect(skippedCases).toEqual({});
    for (const orderCase of orderCases) {
      const orders = state.data.orders.filter((o) => o.tags.includes(orderCase));
      expect(orders.length, orderCase).toBeGreaterThan(0);
      const check = evidence[orderCase as OrderCase]!;
      expect(orders.filter((o) => check(o, state)).length, orderCase).toBeGreaterThan(0);
    }
    const exchanges = state.data.orders.filter((o) => o.tags.includes('exchange-pricier'));
    expect(exchanges.every((o) => o.lineItems.some((l) => l.addedByExchange))).toBe(true);
    expect(state.data.orders.every((o) => o.transactions.every((t) => t.status !== 'pending'))).toBe(true);
    const orders = state.data.orders;
    expect(orders.some((o) => o.sourceName === 'pos')).toBe(true);
    expect(new Set(orders.map((o) => o.presentmentCurrency)).size).toBeGreaterThanOrEqual(3);
    expect(orders.some((o) => o.taxesIncluded) && orders.some((o) => !o.taxesIncluded)).toBe(true);
    expect(orders.some((o) => o.lineItems.some((l) => l.giftCard))).toBe(true);
    expect(orders.some((o) => o.transactions.some((t) => t.gateway === 'gift_card'))).toBe(true);
    expect(orders.some((o) => o.tip.shop > 0)).toBe(true);
    expect(orders.some((o) => o.discountCodes.length > 0)).toBe(true);
    expect(orders.some((o) => o.lineItems.some((l) => l.discountAllocations.length > 0))).toBe(true);
  });
});
