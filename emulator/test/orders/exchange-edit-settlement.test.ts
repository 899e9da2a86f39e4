import { describe, expect, it } from 'vitest';
import {
  calculateRefund,
  createFulfillment,
  createRefund,
  createReturn,
  createTransaction,
  financialStatus,
  findInventoryLevel,
  formatMinor,
  markAsPaid,
  orderEditBegin,
  orderEditCommit,
  orderEditSetQuantity,
  orderTotals,
  settleDueTransactions,
  settleTransaction,
  type Order,
} from '../../src/domain/index.ts';
import { detectEvents } from '../../src/webhooks/detect-events.ts';
import { takeSnapshot } from '../../src/webhooks/shop-snapshot.ts';
import { startHarness } from '../http/harness.ts';
import { anOrder, aShop, shipEverything, type TestShop } from '../support/builders.ts';

const usd = (minor: number) => formatMinor(minor, 'USD');
const tax = [{ title: 'State tax', rate: '0.1' }];

/** A paid order of `quantity` TS-S (20.00) with 10% tax on top: 22.00 a unit. */
function taxedOrder(shop: TestShop, quantity: number): Order {
  return anOrder(shop, { line_items: [{ variant_id: shop.variants['TS-S']!, quantity, tax_lines: tax }] });
}

describe('orderEditSetQuantity above the current quantity', () => {
  it.each([
    { from: 1, to: 3, total: '66.00', original: '22.00', outstanding: '44.00', committed: 3 },
    { from: 2, to: 3, total: '66.00', original: '44.00', outstanding: '22.00', committed: 3 },
  ])('$from -> $to units: same line grows, totals and stock follow', (row) => {
    const shop = aShop();
    const order = taxedOrder(shop, row.from);
    const line = order.lineItems[0]!;
    const session = orderEditBegin(shop.state, order.id);
    orderEditSetQuantity(shop.state, session.id, line.id, row.to);
    orderEditCommit(shop.state, session.id);
    expect(order.lineItems).toHaveLength(1);
    expect(line.quantity).toBe(row.to);
    expect(order.refunds).toEqual([]);
    const totals = orderTotals(order);
    expect(usd(totals.currentTotalPrice.shop)).toBe(row.total);
    expect(usd(totals.totalPrice.shop)).toBe(row.total);
    expect(usd(totals.originalTotalPrice.shop)).toBe(row.original);
    expect(usd(totals.totalOutstanding.shop)).toBe(row.outstanding);
    expect(financialStatus(order)).toBe('partially_paid');
    expect(order.fulfillmentOrders[0]!.lineItems[0]).toMatchObject({
      totalQuantity: row.to,
      fulfillableQuantity: row.to,
    });
    expect(findInventoryLevel(shop.state, line.inventoryItemId!, shop.locationId)).toMatchObject({
      available: 10 - row.committed,
      committed: row.committed,
    });
    createTransaction(shop.state, order.id, { kind: 'sale', amount: row.outstanding, gateway: 'manual' });
    expect(financialStatus(order)).toBe('paid');
    expect(usd(orderTotals(order).totalOutstanding.shop)).toBe('0.00');
  });

  it('a decrease still is a zero-amount refund', () => {
    const shop = aShop();
    const order = taxedOrder(shop, 3);
    const session = orderEditBegin(shop.state, order.id);
    orderEditSetQuantity(shop.state, session.id, order.lineItems[0]!.id, 2, true);
    orderEditCommit(shop.state, session.id);
    expect(order.refunds[0]).toMatchObject({ origin: 'order_edit', transactionIds: [] });
    expect(usd(orderTotals(order).currentTotalPrice.shop)).toBe('44.00');
  });
});

/** 2 x TS-M (30.00 + 10% tax = 33.00 a unit), paid and shipped; one unit exchanged for `sku`. */
function exchanged(sku: 'TS-S' | 'TS-M' | 'GC-50') {
  const shop = aShop();
  const order = anOrder(shop, {
    line_items: [{ variant_id: shop.variants['TS-M']!, quantity: 2, tax_lines: tax }],
  });
  shipEverything(shop, order);
  const shipped = order.fulfillments[0]!.lineItems[0]!;
  const ret = createReturn(shop.state, {
    orderId: order.id,
    returnLineItems: [{ fulfillmentLineItemId: shipped.id, quantity: 1, returnReason: 'SIZE_TOO_SMALL' }],
    exchangeLineItems: [{ variantId: shop.variants[sku]!, quantity: 1 }],
  });
  return { shop, order, ret };
}

describe('returnCreate with exchangeLineItems', () => {
  it.each([
    // TS-S 20.00 + tax = 22.00 for a 33.00 unit: 11.00 back.
    {
      case: 'cheaper',
      sku: 'TS-S' as const,
      refund: '11.00',
      outstanding: '0.00',
      status: 'partially_refunded',
    },
    // Gift card 50.00 (untaxed) for a 33.00 unit: 17.00 owed.
    {
      case: 'pricier',
      sku: 'GC-50' as const,
      refund: '0.00',
      outstanding: '17.00',
      status: 'partially_paid',
    },
  ])('$case: new line on the same order, difference refundable or outstanding', (row) => {
    const { shop, order, ret } = exchanged(row.sku);
    const exchangeLine = order.lineItems.find((line) => line.id === ret.exchangeLineItems![0]!.lineItemId)!;
    expect(exchangeLine).toMatchObject({ addedByExchange: true, quantity: 1 });
    expect(
      order.fulfillmentOrders.some((fo) => fo.lineItems.some((l) => l.lineItemId === exchangeLine.id)),
    ).toBe(true);
    expect(usd(orderTotals(order).originalTotalPrice.shop)).toBe('66.00');
    const input = {
      returnId: ret.id,
      refundLineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 1, restockType: 'return' as const }],
    };
    const calculation = calculateRefund(shop.state, order.id, input);
    expect(usd(calculation.total.shop)).toBe(row.refund);
    createRefund(shop.state, order.id, {
      ...input,
      transactions: calculation.suggestedTransactions.map((s) => ({
        parentId: s.parentId,
        amount: formatMinor(s.amount.presentment, 'USD'),
        kind: 'refund',
      })),
    });
    const totals = orderTotals(order);
    expect(usd(totals.totalRefunded.shop)).toBe(row.refund);
    expect(usd(totals.totalOutstanding.shop)).toBe(row.outstanding);
    expect(financialStatus(order)).toBe(row.status);
    expect(order.refunds[0]!.orderAdjustments).toEqual([]);
    if (row.case === 'pricier') {
      markAsPaid(shop.state, order.id);
      expect(usd(orderTotals(order).totalOutstanding.shop)).toBe('0.00');
      expect(financialStatus(order)).toBe('paid');
    }
  });

  it('an unknown exchange variant is refused before anything is written', () => {
    const shop = aShop();
    const order = anOrder(shop, { line_items: [{ variant_id: shop.variants['TS-M']!, quantity: 1 }] });
    createFulfillment(shop.state, {
      lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: order.fulfillmentOrders[0]!.id }],
    });
    const shipped = order.fulfillments[0]!.lineItems[0]!;
    expect(() =>
      createReturn(shop.state, {
        orderId: order.id,
        returnLineItems: [{ fulfillmentLineItemId: shipped.id, quantity: 1 }],
        exchangeLineItems: [{ variantId: 1, quantity: 1 }],
      }),
    ).toThrow('Variant does not exist.');
    expect(order.returns).toEqual([]);
    expect(order.lineItems).toHaveLength(1);
  });
});

/** A 10.00 sale on bank_transfer with a pending 6.00 refund. */
function pendingRefund(shop: TestShop) {
  shop.state.data.shop.pendingRefundGateways = ['bank_transfer'];
  const order = anOrder(shop, {
    transactions: [{ kind: 'sale', amount: '10.00', gateway: 'bank_transfer' }],
  });
  createRefund(shop.state, order.id, {
    transactions: [{ parentId: order.transactions[0]!.id, amount: '6.00', kind: 'refund' }],
  });
  return { order, refund: order.transactions[1]! };
}

describe('pending refund settlement', () => {
  it('settles when due on the clock: success, updatedAt moves, totals follow, orders/updated only', () => {
    const shop = aShop();
    const { order, refund } = pendingRefund(shop);
    shop.clock.advance(47 * 3600);
    expect(settleDueTransactions(shop.state)).toEqual([]);
    const before = takeSnapshot(shop.state);
    shop.clock.advance(3600);
    expect(settleDueTransactions(shop.state).map((t) => t.id)).toEqual([refund.id]);
    expect(refund.status).toBe('success');
    expect(order.updatedAt).toBe('2025-03-03T10:00:00.000Z');
    expect(usd(orderTotals(order).totalRefunded.shop)).toBe('6.00');
    expect(financialStatus(order)).toBe('partially_refunded');
    const topics = detectEvents(before, takeSnapshot(shop.state)).map((event) => event.topic);
    expect(topics).toEqual(['orders/updated']);
  });

  it('fails at the configured rate: the money is refundable again', () => {
    const shop = aShop({ pendingRefundFailureRate: 1 });
    const { order, refund } = pendingRefund(shop);
    settleTransaction(shop.state, refund.id);
    expect(refund).toMatchObject({ status: 'failure', errorCode: 'processing_error' });
    expect(usd(orderTotals(order).totalRefunded.shop)).toBe('0.00');
    expect(financialStatus(order)).toBe('paid');
  });

  it('settles through the clock endpoint and the control endpoint', async () => {
    const { emulator, raw } = await startHarness();
    try {
      const shop = emulator.state.data.shop;
      shop.pendingRefundGateways = ['bank_transfer'];
      const made = () =>
        raw('/admin/api/2025-01/orders.json', {
          method: 'POST',
          body: JSON.stringify({
            order: {
              line_items: [{ title: 'Widget', price: '10.00', quantity: 1 }],
              transactions: [{ kind: 'sale', amount: '10.00', gateway: 'bank_transfer' }],
            },
          }),
        }).then((r) => r.json() as Promise<{ order: { id: number } }>);
      const refundOn = (id: number) =>
        raw(`/admin/api/2025-01/orders/${id}/refunds.json`, {
          method: 'POST',
          body: JSON.stringify({
            refund: {
              transactions: [
                {
                  kind: 'refund',
                  amount: '4.00',
                  gateway: 'bank_transfer',
                  parent_id: emulator.state.data.orders.find((o) => o.id === id)!.transactions[0]!.id,
                },
              ],
            },
          }),
        });
      const first = (await made()).order.id;
      expect((await refundOn(first)).status).toBe(201);
      const pendingOf = (id: number) =>
        emulator.state.data.orders.find((o) => o.id === id)!.transactions.find((t) => t.kind === 'refund')!;
      expect(pendingOf(first).status).toBe('pending');
      await raw('/__emulator/clock', {
        method: 'POST',
        body: JSON.stringify({ advanceMs: 2 * 24 * 3_600_000 }),
      });
      expect(pendingOf(first).status).toBe('success');

      const second = (await made()).order.id;
      await refundOn(second);
      const settled = await raw('/__emulator/transactions/settle', {
        method: 'POST',
        body: JSON.stringify({ id: `gid://shopify/OrderTransaction/${pendingOf(second).id}` }),
      });
      expect(await settled.json()).toEqual({ settled: [{ id: pendingOf(second).id, status: 'success' }] });
      const again = await raw('/__emulator/transactions/settle', {
        method: 'POST',
        body: JSON.stringify({ id: pendingOf(second).id }),
      });
      expect(again.status).toBe(422);
    } finally {
      await emulator.close();
    }
  });
});
