/** Cancel, edits, returns and draft orders through the domain commands. */
import { describe, expect, it } from 'vitest';
import {
  approveReturn,
  cancelOrder,
  closeReturn,
  createOrder,
  createReturn,
  declineReturn,
  draftOrderComplete,
  draftOrderCreate,
  financialStatus,
  findInventoryLevel,
  formatMinor,
  lineItemQuantities,
  orderEditAddVariant,
  orderEditBegin,
  orderEditCommit,
  orderEditSetQuantity,
  orderTotals,
  pollJob,
  requestReturn,
  UserErrors,
} from '../../src/domain/index.ts';
import { aLine, anOrder, aShop, shipEverything } from '../support/builders.ts';

const usd = (minor: number) => formatMinor(minor, 'USD');
const messages = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map((item) => item.message);
    throw error;
  }
  return [];
};

describe('cancelOrder', () => {
  it('with refund and restock: every unit back in stock, all money refunded, job done on poll', () => {
    const shop = aShop();
    const order = anOrder(shop, { line_items: [{ variant_id: shop.variants['TS-S']!, quantity: 2 }] });
    const job = cancelOrder(shop.state, {
      orderId: order.id,
      reason: 'CUSTOMER',
      restock: true,
      refund: true,
      staffNote: 'asked by phone',
    });
    expect(job.done).toBe(false);
    expect(pollJob(shop.state, job.id).done).toBe(true);
    expect(order).toMatchObject({ cancelReason: 'customer', cancellationStaffNote: 'asked by phone' });
    expect(financialStatus(order)).toBe('refunded');
    expect(
      findInventoryLevel(shop.state, order.lineItems[0]!.inventoryItemId!, shop.locationId),
    ).toMatchObject({ available: 10, committed: 0 });
    expect(lineItemQuantities(order, order.lineItems[0]!)).toMatchObject({
      currentQuantity: 0,
      fulfillableQuantity: 0,
    });
  });

  it('without refund: units leave the order, the money stays, authorizations are voided', () => {
    const shop = aShop();
    const order = anOrder(shop, {
      line_items: [aLine({ price: '10.00' }), aLine({ price: '5.00' })],
      transactions: [
        { kind: 'sale', amount: '10.00', gateway: 'manual' },
        { kind: 'authorization', amount: '5.00', gateway: 'bogus' },
      ],
    });
    cancelOrder(shop.state, { orderId: order.id, reason: 'other', restock: false, refund: false });
    expect(order.transactions.map((transaction) => transaction.kind)).toEqual([
      'sale',
      'authorization',
      'void',
    ]);
    expect(usd(orderTotals(order).totalCapturable.shop)).toBe('0.00');
    expect(usd(orderTotals(order).currentTotalPrice.shop)).toBe('0.00');
    expect(order.refunds[0]!.origin).toBe('cancel');
  });

  it.each([
    {
      name: 'already cancelled',
      setup: (shop: ReturnType<typeof aShop>, orderId: number) =>
        cancelOrder(shop.state, { orderId, reason: 'other', restock: false }),
      staffNote: null,
      message: 'Order has already been cancelled.',
    },
    {
      name: 'fulfilled items',
      setup: 'ship' as const,
      staffNote: null,
      message: 'Cannot cancel an order with fulfilled items.',
    },
    {
      name: 'staff note over 255 characters',
      setup: null,
      staffNote: 'x'.repeat(256),
      message: 'Staff note is too long (maximum is 255 characters)',
    },
  ])('is refused: $name', ({ setup, staffNote, message }) => {
    const shop = aShop();
    const order = anOrder(shop);
    if (setup === 'ship') shipEverything(shop, order);
    else setup?.(shop, order.id);
    expect(
      messages(() =>
        cancelOrder(shop.state, { orderId: order.id, reason: 'other', restock: false, staffNote }),
      ),
    ).toContain(message);
  });
});

describe('order edits', () => {
  it('a quantity decrease is a zero-amount refund; current totals drop, money does not move', () => {
    const shop = aShop();
    const order = anOrder(shop, { line_items: [{ variant_id: shop.variants['TS-S']!, quantity: 3 }] });
    const session = orderEditBegin(shop.state, order.id);
    orderEditSetQuantity(shop.state, session.id, order.lineItems[0]!.id, 1, true);
    orderEditCommit(shop.state, session.id);
    const refund = order.refunds[0]!;
    expect(refund).toMatchObject({ origin: 'order_edit', transactionIds: [], orderAdjustments: [] });
    expect(refund.refundLineItems[0]).toMatchObject({
      quantity: 2,
      restockType: 'cancel',
      subtotal: { shop: 4000 },
    });
    const totals = orderTotals(order);
    expect(usd(totals.currentTotalPrice.shop)).toBe('20.00');
    expect(usd(totals.totalRefunded.shop)).toBe('0.00');
    expect(financialStatus(order)).toBe('paid');
    expect(
      findInventoryLevel(shop.state, order.lineItems[0]!.inventoryItemId!, shop.locationId),
    ).toMatchObject({ available: 9, committed: 1 });
  });

  it('adding a variant adds a line with its own fulfillment order and leaves the order partially paid', () => {
    const shop = aShop();
    const order = anOrder(shop, { line_items: [{ variant_id: shop.variants['TS-S']!, quantity: 1 }] });
    const session = orderEditBegin(shop.state, order.id);
    const calculatedId = orderEditAddVariant(shop.state, session.id, shop.variants['TS-M']!, 2);
    orderEditCommit(shop.state, session.id);
    const added = order.lineItems.find((line) => line.id === calculatedId)!;
    expect(added).toMatchObject({ quantity: 2, addedByEdit: true, sku: 'TS-M' });
    expect(usd(orderTotals(order).currentTotalPrice.shop)).toBe('80.00');
    expect(usd(orderTotals(order).originalTotalPrice.shop)).toBe('20.00');
    expect(usd(orderTotals(order).totalOutstanding.shop)).toBe('60.00');
    expect(financialStatus(order)).toBe('partially_paid');
  });

  it('shipped units cannot be edited away', () => {
    const shop = aShop();
    const order = anOrder(shop, { line_items: [aLine({ quantity: 2 })] });
    shipEverything(shop, order);
    const session = orderEditBegin(shop.state, order.id);
    expect(messages(() => orderEditSetQuantity(shop.state, session.id, order.lineItems[0]!.id, 1))).toEqual([
      'Quantity cannot be less than the fulfilled quantity.',
    ]);
  });
});

describe('returns', () => {
  it('request -> approve -> close, and a declined request cannot be reopened', () => {
    const shop = aShop();
    const order = anOrder(shop, { line_items: [aLine({ quantity: 2 })] });
    shipEverything(shop, order);
    const shippedLine = order.fulfillments[0]!.lineItems[0]!;
    const requested = requestReturn(shop.state, {
      orderId: order.id,
      returnLineItems: [
        { fulfillmentLineItemId: shippedLine.id, quantity: 1, returnReason: 'SIZE_TOO_SMALL' },
      ],
    });
    expect(requested.status).toBe('REQUESTED');
    expect(approveReturn(shop.state, requested.id).status).toBe('OPEN');
    expect(closeReturn(shop.state, requested.id).status).toBe('CLOSED');
    const second = requestReturn(shop.state, {
      orderId: order.id,
      returnLineItems: [{ fulfillmentLineItemId: shippedLine.id, quantity: 1 }],
    });
    declineReturn(shop.state, second.id);
    expect(messages(() => approveReturn(shop.state, second.id))).toEqual([
      'Return status cannot change from DECLINED to OPEN.',
    ]);
  });

  it('only shipped units can be returned', () => {
    const shop = aShop();
    const order = anOrder(shop, { line_items: [aLine({ quantity: 1 })] });
    shipEverything(shop, order);
    const shippedLine = order.fulfillments[0]!.lineItems[0]!;
    expect(
      messages(() =>
        createReturn(shop.state, {
          orderId: order.id,
          returnLineItems: [{ fulfillmentLineItemId: shippedLine.id, quantity: 2 }],
        }),
      ),
    ).toEqual(['Quantity is not returnable.']);
  });
});

describe('draft orders', () => {
  it('completing a draft creates a paid order from draft source with its lines and shipping', () => {
    const shop = aShop();
    const draft = draftOrderCreate(shop.state, {
      lineItems: [
        { variantId: shop.variants['TS-M']!, quantity: 1 },
        { title: 'Engraving', originalUnitPrice: '5.00', quantity: 1 },
      ],
      shippingLine: { title: 'Courier', price: '4.00' },
      email: 'buyer@example.com',
    });
    const order = draftOrderComplete(shop.state, draft.id);
    expect(draft).toMatchObject({ status: 'completed', orderId: order.id });
    expect(order.sourceName).toBe('shopify_draft_order');
    expect(usd(orderTotals(order).totalPrice.shop)).toBe('39.00');
    expect(financialStatus(order)).toBe('paid');
    expect(messages(() => draftOrderComplete(shop.state, draft.id))).toEqual([
      'This order has already been paid',
    ]);
  });

  it('payment pending leaves the order pending', () => {
    const shop = aShop();
    const draft = draftOrderCreate(shop.state, {
      lineItems: [{ title: 'Service', originalUnitPrice: '15.00', quantity: 1 }],
    });
    const order = draftOrderComplete(shop.state, draft.id, { paymentPending: true });
    expect(financialStatus(order)).toBe('pending');
  });
});

describe('order creation edge cases', () => {
  it('refuses an order without line items with Shopify-like wording', () => {
    const shop = aShop();
    expect(messages(() => createOrder(shop.state, { line_items: [] }))).toEqual([
      'Line items must have at least one line item',
    ]);
  });
});
