/** createRefund effects: money, order adjustments, inventory, statuses (seed 003). */
import { describe, expect, it } from 'vitest';
import {
  createRefund,
  financialStatus,
  findInventoryLevel,
  formatMinor,
  lineItemQuantities,
  maximumRefundable,
  orderTotals,
} from '../../src/domain/index.ts';
import { aLine, anOrder, aShop, shipEverything } from '../support/builders.ts';

const usd = (minor: number) => formatMinor(minor, 'USD');

describe('createRefund', () => {
  it('restock cancel releases committed units at the location and reduces fulfillable units', () => {
    const shop = aShop();
    const order = anOrder(shop, { line_items: [{ variant_id: shop.variants['TS-S']!, quantity: 2 }] });
    const item = order.lineItems[0]!;
    expect(findInventoryLevel(shop.state, item.inventoryItemId!, shop.locationId)).toMatchObject({
      available: 8,
      committed: 2,
      onHand: 10,
    });
    createRefund(shop.state, order.id, {
      refundLineItems: [
        { lineItemId: item.id, quantity: 1, restockType: 'cancel', locationId: shop.locationId },
      ],
      transactions: [{ parentId: order.transactions[0]!.id, amount: '20.00', kind: 'refund' }],
    });
    expect(findInventoryLevel(shop.state, item.inventoryItemId!, shop.locationId)).toMatchObject({
      available: 9,
      committed: 1,
      onHand: 10,
    });
    expect(lineItemQuantities(order, item)).toMatchObject({
      currentQuantity: 1,
      fulfillableQuantity: 1,
      refundableQuantity: 1,
    });
    expect(order.fulfillmentOrders[0]!.lineItems[0]).toMatchObject({
      totalQuantity: 1,
      fulfillableQuantity: 1,
    });
    expect(financialStatus(order)).toBe('partially_refunded');
    expect(usd(orderTotals(order).currentTotalPrice.shop)).toBe('20.00');
  });

  it('restock return puts shipped units back on hand', () => {
    const shop = aShop();
    const order = anOrder(shop, { line_items: [{ variant_id: shop.variants['TS-M']!, quantity: 1 }] });
    shipEverything(shop, order);
    const item = order.lineItems[0]!;
    expect(findInventoryLevel(shop.state, item.inventoryItemId!, shop.locationId)).toMatchObject({
      available: 9,
      committed: 0,
      onHand: 9,
    });
    createRefund(shop.state, order.id, {
      refundLineItems: [
        { lineItemId: item.id, quantity: 1, restockType: 'return', locationId: shop.locationId },
      ],
      transactions: [{ parentId: order.transactions[0]!.id, amount: '30.00', kind: 'refund' }],
    });
    expect(findInventoryLevel(shop.state, item.inventoryItemId!, shop.locationId)).toMatchObject({
      available: 10,
      onHand: 10,
    });
    expect(financialStatus(order)).toBe('refunded');
    expect(orderTotals(order).refundable).toBe(false);
  });

  it('line items without a transaction refund 0.00 and record the whole value as a discrepancy', () => {
    const shop = aShop();
    const order = anOrder(shop, { line_items: [aLine({ price: '12.50' })] });
    const refund = createRefund(shop.state, order.id, {
      refundLineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }],
    });
    expect(refund.transactionIds).toEqual([]);
    expect(
      refund.orderAdjustments.map((adjustment) => [adjustment.kind, usd(adjustment.amount.shop)]),
    ).toEqual([['refund_discrepancy', '12.50']]);
    expect(usd(orderTotals(order).totalRefunded.shop)).toBe('0.00');
    expect(financialStatus(order)).toBe('paid');
  });

  it('refunding less than calculated keeps the discrepancy reason given', () => {
    const shop = aShop();
    const order = anOrder(shop, { line_items: [aLine({ price: '40.00' })] });
    const refund = createRefund(shop.state, order.id, {
      refundLineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }],
      transactions: [{ parentId: order.transactions[0]!.id, amount: '30.00', kind: 'refund' }],
      discrepancyReason: 'damage',
    });
    expect(refund.orderAdjustments).toMatchObject([
      { kind: 'refund_discrepancy', reason: 'damage', amount: { shop: 1000 } },
    ]);
  });

  it('a money-only refund is a negative discrepancy (more given back than items)', () => {
    const shop = aShop();
    const order = anOrder(shop);
    const refund = createRefund(shop.state, order.id, { transactions: [{ amount: '4.00', kind: 'refund' }] });
    expect(refund.orderAdjustments).toMatchObject([{ kind: 'refund_discrepancy', amount: { shop: -400 } }]);
    expect(financialStatus(order)).toBe('partially_refunded');
  });

  it('pending refunds hold the money but do not count as refunded yet', () => {
    const shop = aShop({ pendingRefundGateways: ['bank_transfer'] });
    const order = anOrder(shop, {
      line_items: [aLine({ price: '10.00' })],
      transactions: [{ kind: 'sale', amount: '10.00', gateway: 'bank_transfer' }],
    });
    const sale = order.transactions[0]!;
    createRefund(shop.state, order.id, {
      transactions: [{ parentId: sale.id, amount: '6.00', kind: 'refund' }],
    });
    const refundTransaction = order.transactions[1]!;
    expect(refundTransaction).toMatchObject({ kind: 'refund', status: 'pending' });
    expect(usd(maximumRefundable(order, sale).shop)).toBe('4.00');
    expect(usd(orderTotals(order).totalRefunded.shop)).toBe('0.00');
    expect(financialStatus(order)).toBe('paid');
  });

  it('refund_shipping_lines refunds one shipping line by id (2024-10+)', () => {
    const shop = aShop();
    const order = anOrder(shop, {
      shipping_lines: [
        { title: 'A', price: '5.00' },
        { title: 'B', price: '7.00' },
      ],
    });
    const second = order.shippingLines[1]!;
    const refund = createRefund(shop.state, order.id, {
      refundShippingLines: [{ shippingLineId: second.id }],
    });
    expect(refund.refundShippingLines).toMatchObject([
      { shippingLineId: second.id, subtotal: { shop: 700 } },
    ]);
    expect(refund.orderAdjustments[0]).toMatchObject({ kind: 'shipping_refund', amount: { shop: -700 } });
    expect(usd(orderTotals(order).currentShipping.shop)).toBe('5.00');
  });
});
