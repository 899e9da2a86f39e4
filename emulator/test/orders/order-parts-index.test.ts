import { describe, expect, it } from 'vitest';
import { findFulfillment, findFulfillmentOrder, findOrderPart } from '../../src/domain/index.ts';
import { aShop, anOrder, shipEverything } from '../support/builders.ts';
import { seedOrders } from '../support/seed-orders.ts';

describe('finding an order part by its id', () => {
  it('finds the parts of old and new orders, made before and after the lookup that built the index', () => {
    const shop = aShop();
    seedOrders(shop.state, 3_000);
    const first = shop.state.data.orders[0]!;
    const last = shop.state.data.orders.at(-1)!;
    expect(findOrderPart(shop.state, 'lineItems', first.lineItems[0]!.id)?.order).toBe(first);
    expect(findOrderPart(shop.state, 'lineItems', last.lineItems[0]!.id)?.order).toBe(last);
    // Made after the index was built: a new order, then its fulfilment.
    const order = anOrder(shop);
    shipEverything(shop, order);
    const fulfillmentOrder = order.fulfillmentOrders[0]!;
    expect(findFulfillmentOrder(shop.state, fulfillmentOrder.id)).toEqual({ order, fulfillmentOrder });
    const fulfillment = order.fulfillments[0]!;
    expect(findFulfillment(shop.state, fulfillment.id)).toEqual({ order, fulfillment });
    // Many more orders later (the index is rebuilt): the old parts are still where they were.
    seedOrders(shop.state, 3_000);
    expect(findOrderPart(shop.state, 'fulfillments', fulfillment.id)?.order).toBe(order);
    expect(findOrderPart(shop.state, 'lineItems', first.lineItems[0]!.id)?.order).toBe(first);
  });

  it('answers what the orders hold now: a part removed since, or an id of another list, is not found', () => {
    const shop = aShop();
    const order = anOrder(shop);
    const line = order.lineItems[0]!;
    expect(findOrderPart(shop.state, 'lineItems', line.id)?.part).toBe(line);
    expect(findOrderPart(shop.state, 'refunds', line.id)).toBeUndefined();
    order.lineItems.splice(0, 1);
    expect(findOrderPart(shop.state, 'lineItems', line.id)).toBeUndefined();
    expect(findOrderPart(shop.state, 'lineItems', 987_654_321)).toBeUndefined();
  });
});
