import { describe, expect, it } from 'vitest';
import type { Order } from '../domain/order.ts';
import { aLine, anOrder, aRefund, aRefundLine, bag } from '../domain/testing/order-builders.ts';
import {
  conflictMessage,
  decideOrderUpdate,
  detectOrderChanges,
  orderChangeEffects,
  refundConversion,
  type OrderChangeKind,
} from './order-change.ts';

const own = 'storebridge_document_no';
const twoTees = anOrder({ lines: [aLine({ quantity: 2 })] });
const atWarehouse = anOrder({
  fulfillmentOrders: [{ shopifyId: 'fo1', status: 'open', locationShopifyId: 'L1', lines: [] }],
});
const editRefund = (quantity: number) =>
  aRefund({ lines: [aRefundLine({ quantity, restockType: 'cancel' })], totalRefunded: bag(0) });
const later = { updatedAt: '2025-03-03T10:00:00Z' };

/** seed 002 "Effect of order editing", "In Shopify": one row per seed row, both columns. */
const seedRows: {
  edit: string;
  previous: Order;
  next: Order;
  change: OrderChangeKind;
  notProcessed: string;
  processed: string;
  zeroAmountRefund: boolean;
}[] = [
  {
    edit: 'Change the fulfillment location',
    previous: atWarehouse,
    next: anOrder({
      ...later,
      fulfillmentOrders: [{ shopifyId: 'fo1', status: 'open', locationShopifyId: 'L2', lines: [] }],
    }),
    change: 'fulfillment_location_changed',
    notProcessed: 'take_new_state',
    processed: 'update_header',
    zeroAmountRefund: false,
  },
  {
    edit: 'Edit an order and increase quantity',
    previous: anOrder(),
    next: anOrder({ ...later, lines: [aLine({ quantity: 2 })] }),
    change: 'quantity_increased',
    notProcessed: 'take_new_state',
    processed: 'mark_conflict',
    zeroAmountRefund: false,
  },
  {
    edit: 'Edit an order and decrease quantity',
    previous: twoTees,
    next: anOrder({
      ...later,
      lines: [aLine({ quantity: 2, currentQuantity: 1 })],
      refunds: [editRefund(1)],
    }),
    change: 'quantity_decreased',
    notProcessed: 'take_new_state',
    processed: 'mark_conflict',
    zeroAmountRefund: true,
  },
  {
    edit: 'Edit an order and remove existing item',
    previous: anOrder({ lines: [aLine(), aLine({ shopifyId: '9002', sku: 'SB-MUG' })] }),
    next: anOrder({
      ...later,
      lines: [aLine(), aLine({ shopifyId: '9002', sku: 'SB-MUG', currentQuantity: 0 })],
      refunds: [aRefund({ lines: [aRefundLine({ lineShopifyId: '9002' })] })],
    }),
    change: 'item_removed',
    notProcessed: 'take_new_state',
    processed: 'mark_conflict',
    zeroAmountRefund: true,
  },
  {
    edit: 'Edit an order and add new item',
    previous: anOrder(),
    next: anOrder({ ...later, lines: [aLine(), aLine({ shopifyId: '9003', sku: 'SB-CAP' })] }),
    change: 'item_added',
    notProcessed: 'take_new_state',
    processed: 'mark_conflict',
    zeroAmountRefund: false,
  },
  {
    edit: 'Process order: fulfill, update payment information',
    previous: anOrder({ financialStatus: 'authorized' }),
    next: anOrder({ ...later, financialStatus: 'paid', fulfillmentStatus: 'fulfilled' }),
    change: 'processed_in_shopify',
    notProcessed: 'update_header',
    processed: 'update_header',
    zeroAmountRefund: false,
  },
  {
    edit: 'Cancel paid order',
    previous: anOrder({ financialStatus: 'paid' }),
    next: anOrder({
      ...later,
      financialStatus: 'paid',
      cancelledAt: '2025-03-03T10:00:00Z',
      lines: [aLine({ currentQuantity: 0 })],
    }),
    change: 'paid_order_cancelled',
    notProcessed: 'update_header',
    processed: 'mark_conflict',
    zeroAmountRefund: false,
  },
  {
    edit: 'Cancel unpaid order',
    previous: anOrder({ financialStatus: 'pending' }),
    next: anOrder({
      ...later,
      financialStatus: 'pending',
      cancelledAt: '2025-03-03T10:00:00Z',
      lines: [aLine({ currentQuantity: 0 })],
      refunds: [editRefund(1)],
    }),
    change: 'unpaid_order_cancelled',
    notProcessed: 'take_new_state',
    processed: 'mark_conflict',
    zeroAmountRefund: true,
  },
];

describe('order change (seed 002 "Effect of order editing")', () => {
  it.each(seedRows)('$edit: $notProcessed before processing, $processed after', (row) => {
    expect(detectOrderChanges(row.previous, row.next, own)).toEqual([row.change]);
    for (const processed of [false, true]) {
      const decision = decideOrderUpdate({
        previous: row.previous,
        next: row.next,
        processed,
        ownAttributeKey: own,
      });
      expect(decision.action).toBe(processed ? row.processed : row.notProcessed);
    }
    expect(orderChangeEffects[row.change].notProcessed.zeroAmountRefund).toBe(row.zeroAmountRefund);
  });

  it('the zero-amount refund of an edit is not convertible to a credit memo', () => {
    expect(refundConversion(editRefund(1))).toEqual({ convertible: false, reason: 'zero_amount_from_edit' });
  });

  it('a quantity-only refund of returned goods stays convertible (seed 004 4.5: zero-amount ICM)', () => {
    const returned = aRefund({ lines: [aRefundLine({ restockType: 'return' })] });
    expect(refundConversion(returned)).toEqual({ convertible: true });
  });

  it('a refund with money is convertible, and is a refund, not an edit', () => {
    const refund = aRefund({ lines: [aRefundLine()], totalRefunded: bag(2500) });
    const next = anOrder({ ...later, lines: [aLine({ currentQuantity: 0 })], refunds: [refund] });
    expect(refundConversion(refund)).toEqual({ convertible: true });
    expect(detectOrderChanges(anOrder(), next, own)).toEqual(['refunded']);
    expect(
      decideOrderUpdate({ previous: anOrder(), next, processed: true, ownAttributeKey: own }).action,
    ).toBe('update_header');
  });

  it('a version that differs only by our own document no. attribute is no change (no re-import loop)', () => {
    const next = anOrder({ ...later, customAttributes: [{ key: own, value: 'SO-0001' }] });
    expect(decideOrderUpdate({ previous: anOrder(), next, processed: true, ownAttributeKey: own })).toEqual({
      action: 'no_change',
      changes: [],
    });
  });

  it('a new note is a header change, never a conflict', () => {
    const next = anOrder({ ...later, note: 'leave at the door' });
    expect(
      decideOrderUpdate({ previous: anOrder(), next, processed: true, ownAttributeKey: own }),
    ).toMatchObject({
      action: 'update_header',
      changes: ['header_changed'],
    });
  });

  it('the conflict wins when an edit comes with a payment update', () => {
    const next = anOrder({ ...later, financialStatus: 'partially_paid', lines: [aLine({ quantity: 3 })] });
    const decision = decideOrderUpdate({ previous: anOrder(), next, processed: true, ownAttributeKey: own });
    expect(decision).toMatchObject({
      action: 'mark_conflict',
      changes: ['quantity_increased', 'processed_in_shopify'],
    });
  });

  it("the conflict message is seed 002's, adapted, naming the order and the commands", () => {
    expect(conflictMessage('EU', { shopifyId: '1001', name: '#1001' })).toBe(
      'The order #1001 has already been processed in storebridge, but an edit was received from Shopify. ' +
        'Changes were not propagated to the processed documents in storebridge. ' +
        'Update the processed documents to match the data received from Shopify, ' +
        'then run "storebridge orders unlink --shop EU --order 1001" to recreate them, ' +
        'or, to force the synchronization, "storebridge orders reimport --shop EU --order 1001".',
    );
  });
});
