import { describe, expect, it } from 'vitest';
import {
  createFulfillment,
  createLocation,
  findInventoryLevel,
  moveFulfillmentOrder,
  NotFound,
  setInventoryAvailable,
  UserErrors,
  type Order,
} from '../../src/domain/index.ts';
import { aShop, anOrder, type TestShop } from '../support/builders.ts';

/** Main warehouse stocks both sizes; Store stocks both; Annex only TS-S; Closed is inactive. */
function moveShop() {
  const shop = aShop();
  const { state } = shop;
  const store = createLocation(state, { name: 'Store', country_code: 'US' });
  const annex = createLocation(state, { name: 'Annex', country_code: 'US' });
  const closed = createLocation(state, { name: 'Closed', country_code: 'US', active: false });
  const item = (sku: string) =>
    state.data.products.flatMap((p) => p.variants).find((v) => v.sku === sku)!.inventoryItemId;
  for (const sku of ['TS-S', 'TS-M']) {
    setInventoryAvailable(state, { inventoryItemId: item(sku), locationId: store.id, available: 5 });
    setInventoryAvailable(state, { inventoryItemId: item(sku), locationId: closed.id, available: 5 });
  }
  setInventoryAvailable(state, { inventoryItemId: item('TS-S'), locationId: annex.id, available: 5 });
  const order = anOrder(shop, {
    line_items: [
      { variant_id: shop.variants['TS-S']!, quantity: 2 },
      { variant_id: shop.variants['TS-M']!, quantity: 1 },
    ],
  });
  return { shop, order, store: store.id, annex: annex.id, closed: closed.id, item };
}

const level = (shop: TestShop, inventoryItemId: number, locationId: number) => {
  const found = findInventoryLevel(shop.state, inventoryItemId, locationId)!;
  return { available: found.available, committed: found.committed, onHand: found.onHand };
};

const lineOf = (order: Order, sku: string) => order.lineItems.find((line) => line.sku === sku)!;

function userErrors(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof UserErrors) return error.errors;
    throw error;
  }
  throw new Error('expected UserErrors');
}

describe('fulfillmentOrderMove: all line items (first scenario)', () => {
  it('changes the assigned location of the same fulfillment order', () => {
    const { shop, order, store } = moveShop();
    const [fulfillmentOrder] = order.fulfillmentOrders;
    expect(order.fulfillmentOrders).toHaveLength(1);
    const before = order.updatedAt;
    shop.clock.advance(60);

    const result = moveFulfillmentOrder(shop.state, { id: fulfillmentOrder!.id, newLocationId: store });

    expect(result.moved).toBe(fulfillmentOrder);
    expect(result.original).toBe(fulfillmentOrder);
    expect(result.remaining).toBeNull();
    expect(order.fulfillmentOrders).toHaveLength(1);
    expect(fulfillmentOrder).toMatchObject({ assignedLocationId: store, status: 'open' });
    expect(fulfillmentOrder!.lineItems.map((item) => item.totalQuantity)).toEqual([2, 1]);
    expect(order.updatedAt > before).toBe(true);
  });

  it('moves committed inventory from the old location to the new one', () => {
    const { shop, order, store, item } = moveShop();
    const { locationId } = shop;
    expect(level(shop, item('TS-S'), locationId)).toEqual({ available: 8, committed: 2, onHand: 10 });

    moveFulfillmentOrder(shop.state, { id: order.fulfillmentOrders[0]!.id, newLocationId: store });

    expect(level(shop, item('TS-S'), locationId)).toEqual({ available: 10, committed: 0, onHand: 10 });
    expect(level(shop, item('TS-M'), locationId)).toEqual({ available: 10, committed: 0, onHand: 10 });
    expect(level(shop, item('TS-S'), store)).toEqual({ available: 3, committed: 2, onHand: 5 });
    expect(level(shop, item('TS-M'), store)).toEqual({ available: 4, committed: 1, onHand: 5 });
  });

  it('leaves inventory alone for an order that bypassed it', () => {
    const { shop, store, item } = moveShop();
    const order = anOrder(shop, {
      line_items: [{ variant_id: shop.variants['TS-S']!, quantity: 1 }],
      inventory_behaviour: 'bypass',
    });
    const before = [level(shop, item('TS-S'), shop.locationId), level(shop, item('TS-S'), store)];
    moveFulfillmentOrder(shop.state, { id: order.fulfillmentOrders[0]!.id, newLocationId: store });
    expect([level(shop, item('TS-S'), shop.locationId), level(shop, item('TS-S'), store)]).toEqual(before);
  });

  it('ships from the new location afterwards', () => {
    const { shop, order, store, item } = moveShop();
    moveFulfillmentOrder(shop.state, { id: order.fulfillmentOrders[0]!.id, newLocationId: store });
    const fulfillment = createFulfillment(shop.state, {
      lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: order.fulfillmentOrders[0]!.id }],
    });
    expect(fulfillment.locationId).toBe(store);
    expect(level(shop, item('TS-S'), store)).toEqual({ available: 3, committed: 0, onHand: 3 });
  });
});

describe('fulfillmentOrderMove: a subset (second scenario)', () => {
  it('splits the given units into a new fulfillment order at the new location', () => {
    const { shop, order, store, item } = moveShop();
    const original = order.fulfillmentOrders[0]!;
    const small = original.lineItems.find((l) => l.lineItemId === lineOf(order, 'TS-S').id)!;

    const result = moveFulfillmentOrder(shop.state, {
      id: original.id,
      newLocationId: store,
      fulfillmentOrderLineItems: [{ id: small.id, quantity: 1 }],
    });

    expect(result.original).toBe(original);
    expect(result.moved).not.toBe(original);
    expect(order.fulfillmentOrders).toHaveLength(2);
    expect(original).toMatchObject({ assignedLocationId: shop.locationId, status: 'open' });
    expect(original.lineItems.map((l) => [l.lineItemId, l.totalQuantity, l.fulfillableQuantity])).toEqual([
      [lineOf(order, 'TS-S').id, 1, 1],
      [lineOf(order, 'TS-M').id, 1, 1],
    ]);
    expect(result.moved).toMatchObject({ assignedLocationId: store, status: 'open', orderId: order.id });
    expect(result.moved.lineItems.map((l) => [l.lineItemId, l.totalQuantity, l.fulfillableQuantity])).toEqual(
      [[lineOf(order, 'TS-S').id, 1, 1]],
    );
    expect(level(shop, item('TS-S'), shop.locationId).committed).toBe(1);
    expect(level(shop, item('TS-S'), store).committed).toBe(1);
    expect(level(shop, item('TS-M'), shop.locationId).committed).toBe(1);
  });

  it('moves the unfulfilled rest of a partly fulfilled order and closes the original', () => {
    const { shop, order, store } = moveShop();
    const original = order.fulfillmentOrders[0]!;
    const small = original.lineItems.find((l) => l.lineItemId === lineOf(order, 'TS-S').id)!;
    createFulfillment(shop.state, {
      lineItemsByFulfillmentOrder: [
        { fulfillmentOrderId: original.id, fulfillmentOrderLineItems: [{ id: small.id, quantity: 1 }] },
      ],
    });

    const result = moveFulfillmentOrder(shop.state, { id: original.id, newLocationId: store });

    expect(result.moved).not.toBe(original);
    expect(original).toMatchObject({ assignedLocationId: shop.locationId, status: 'closed' });
    // "Line items which have already been fulfilled ... remain assigned to the original location."
    expect(original.lineItems.map((l) => [l.totalQuantity, l.fulfillableQuantity])).toEqual([[1, 0]]);
    expect(result.moved.lineItems.map((l) => [l.lineItemId, l.totalQuantity])).toEqual([
      [lineOf(order, 'TS-S').id, 1],
      [lineOf(order, 'TS-M').id, 1],
    ]);
  });

  it('joins an open fulfillment order already at the new location into a new one and closes both', () => {
    const { shop, order, store } = moveShop();
    const first = order.fulfillmentOrders[0]!;
    const medium = first.lineItems.find((l) => l.lineItemId === lineOf(order, 'TS-M').id)!;
    const atStore = moveFulfillmentOrder(shop.state, {
      id: first.id,
      newLocationId: store,
      fulfillmentOrderLineItems: [{ id: medium.id, quantity: 1 }],
    }).moved;

    const result = moveFulfillmentOrder(shop.state, { id: first.id, newLocationId: store });

    expect(result.moved.id).not.toBe(atStore.id);
    expect(atStore).toMatchObject({ status: 'closed', lineItems: [] });
    expect(first).toMatchObject({ status: 'closed', lineItems: [] });
    expect(result.moved.lineItems.map((l) => [l.lineItemId, l.totalQuantity]).sort()).toEqual(
      [
        [lineOf(order, 'TS-M').id, 1],
        [lineOf(order, 'TS-S').id, 2],
      ].sort(),
    );
    const open = order.fulfillmentOrders.filter((fo) => fo.status === 'open');
    expect(open.map((fo) => fo.id)).toEqual([result.moved.id]);
  });
});

describe('fulfillmentOrderMove: refusals (nothing written)', () => {
  it('refuses a closed (fully fulfilled) fulfillment order', () => {
    const { shop, order, store } = moveShop();
    const fulfillmentOrder = order.fulfillmentOrders[0]!;
    createFulfillment(shop.state, {
      lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fulfillmentOrder.id }],
    });
    expect(fulfillmentOrder.status).toBe('closed');
    expect(
      userErrors(() => moveFulfillmentOrder(shop.state, { id: fulfillmentOrder.id, newLocationId: store })),
    ).toEqual([{ field: ['id'], message: 'Cannot move a fulfillment order with status closed.' }]);
  });

  it('refuses a fulfillment order on hold or with a fulfillment service', () => {
    const { shop, order, store } = moveShop();
    const fulfillmentOrder = order.fulfillmentOrders[0]!;
    fulfillmentOrder.status = 'on_hold';
    expect(
      userErrors(() =>
        moveFulfillmentOrder(shop.state, { id: fulfillmentOrder.id, newLocationId: store }),
      )[0]!.field,
    ).toEqual(['id']);
    fulfillmentOrder.status = 'open';
    fulfillmentOrder.requestStatus = 'submitted';
    expect(
      userErrors(() =>
        moveFulfillmentOrder(shop.state, { id: fulfillmentOrder.id, newLocationId: store }),
      )[0]!.message,
    ).toMatch(/request status submitted/);
  });

  it('refuses an unknown, inactive or current location', () => {
    const { shop, order, closed } = moveShop();
    const id = order.fulfillmentOrders[0]!.id;
    expect(userErrors(() => moveFulfillmentOrder(shop.state, { id, newLocationId: 42 }))).toEqual([
      { field: ['new_location_id'], message: 'Location not found.' },
    ]);
    expect(userErrors(() => moveFulfillmentOrder(shop.state, { id, newLocationId: closed }))).toEqual([
      { field: ['new_location_id'], message: 'Location is not active.' },
    ]);
    expect(
      userErrors(() => moveFulfillmentOrder(shop.state, { id, newLocationId: shop.locationId }))[0]!.field,
    ).toEqual(['new_location_id']);
  });

  it('refuses a location that does not stock a moved item, but moves what it stocks', () => {
    const { shop, order, annex, item } = moveShop();
    const fulfillmentOrder = order.fulfillmentOrders[0]!;
    const snapshot = JSON.stringify(shop.state.data);
    expect(
      userErrors(() => moveFulfillmentOrder(shop.state, { id: fulfillmentOrder.id, newLocationId: annex })),
    ).toEqual([
      {
        field: ['new_location_id'],
        message: 'The destination location Annex does not stock the requested inventory items.',
      },
    ]);
    expect(JSON.stringify(shop.state.data)).toBe(snapshot);

    const small = fulfillmentOrder.lineItems.find((l) => l.lineItemId === lineOf(order, 'TS-S').id)!;
    const result = moveFulfillmentOrder(shop.state, {
      id: fulfillmentOrder.id,
      newLocationId: annex,
      fulfillmentOrderLineItems: [{ id: small.id, quantity: 2 }],
    });
    expect(result.moved.assignedLocationId).toBe(annex);
    expect(level(shop, item('TS-S'), annex).committed).toBe(2);
  });

  it('refuses unknown line items and quantities beyond the unfulfilled units', () => {
    const { shop, order, store } = moveShop();
    const fulfillmentOrder = order.fulfillmentOrders[0]!;
    const small = fulfillmentOrder.lineItems[0]!;
    expect(
      userErrors(() =>
        moveFulfillmentOrder(shop.state, {
          id: fulfillmentOrder.id,
          newLocationId: store,
          fulfillmentOrderLineItems: [
            { id: 1, quantity: 1 },
            { id: small.id, quantity: 3 },
          ],
        }),
      ).map((error) => error.field),
    ).toEqual([
      ['fulfillment_order_line_items', '0', 'id'],
      ['fulfillment_order_line_items', '1', 'quantity'],
    ]);
  });

  it('an unknown fulfillment order is NotFound', () => {
    const { shop, store } = moveShop();
    expect(() => moveFulfillmentOrder(shop.state, { id: 1, newLocationId: store })).toThrow(NotFound);
  });
});
