import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, VERSION, type Harness } from '../http/harness.ts';
import { createOrder } from '../http/orders.ts';

// fulfillmentOrderMove and REST move.json over HTTP, on the demo shop (Warehouse, Store, Outlet).
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ seed: { kind: 'demo', orders: 0 } });
});
afterAll(() => h.emulator.close());

const MOVE = `mutation Move($id: ID!, $location: ID!, $items: [FulfillmentOrderLineItemInput!]) {
  fulfillmentOrderMove(id: $id, newLocationId: $location, fulfillmentOrderLineItems: $items) {
    movedFulfillmentOrder { id status assignedLocation { location { id } } lineItems(first: 5) { nodes { id totalQuantity lineItem { sku } } } }
    originalFulfillmentOrder { id status assignedLocation { location { id } } lineItems(first: 5) { nodes { id totalQuantity } } }
    remainingFulfillmentOrder { id }
    userErrors { field message } } }`;

type FoView = {
  id: string;
  status: string;
  assignedLocation: { location: { id: string } };
  lineItems: { nodes: { id: string; totalQuantity: number; lineItem?: { sku: string } }[] };
};
type MoveData = {
  fulfillmentOrderMove: {
    movedFulfillmentOrder: FoView | null;
    originalFulfillmentOrder: FoView | null;
    remainingFulfillmentOrder: { id: string } | null;
    userErrors: { field: string[] | null; message: string }[];
  };
};

const locationGid = (name: string) =>
  `gid://shopify/Location/${h.emulator.state.data.locations.find((l) => l.name === name)!.id}`;

async function fulfillmentOrders(orderId: string) {
  const answer = await h.gql<{ order: { updatedAt: string; fulfillmentOrders: { nodes: FoView[] } } }>(
    `query ($id: ID!) { order(id: $id) { updatedAt fulfillmentOrders(first: 5) { nodes {
      id status assignedLocation { location { id } } lineItems(first: 5) { nodes { id totalQuantity lineItem { sku } } } } } } }`,
    { id: orderId },
  );
  return answer.data.order;
}

describe('fulfillmentOrderMove over HTTP', () => {
  it('moves a whole fulfillment order: same id, new assigned location, order updatedAt moves', async () => {
    const orderId = await createOrder(h);
    const before = await fulfillmentOrders(orderId);
    const fo = before.fulfillmentOrders.nodes[0]!;
    const target = fo.assignedLocation.location.id === locationGid('Store') ? 'Warehouse' : 'Store';
    h.emulator.clock.advance(60_000);

    const moved = await h.gql<MoveData>(MOVE, { id: fo.id, location: locationGid(target) });

    expect(moved.errors).toBeUndefined();
    const payload = moved.data.fulfillmentOrderMove;
    expect(payload.userErrors).toEqual([]);
    expect(payload.movedFulfillmentOrder).toMatchObject({
      id: fo.id,
      status: 'OPEN',
      assignedLocation: { location: { id: locationGid(target) } },
    });
    expect(payload.originalFulfillmentOrder?.id).toBe(fo.id);
    expect(payload.remainingFulfillmentOrder).toBeNull();
    const after = await fulfillmentOrders(orderId);
    expect(after.fulfillmentOrders.nodes.map((node) => node.assignedLocation.location.id)).toEqual([
      locationGid(target),
    ]);
    expect(after.updatedAt > before.updatedAt).toBe(true);
  });

  it('moves one unit into a new fulfillment order', async () => {
    const orderId = await createOrder(h);
    const fo = (await fulfillmentOrders(orderId)).fulfillmentOrders.nodes[0]!;
    const target = fo.assignedLocation.location.id === locationGid('Outlet') ? 'Store' : 'Outlet';
    const tee = fo.lineItems.nodes.find((node) => node.lineItem?.sku === 'SB-TEE')!;

    const moved = await h.gql<MoveData>(MOVE, {
      id: fo.id,
      location: locationGid(target),
      items: [{ id: tee.id, quantity: 1 }],
    });

    const payload = moved.data.fulfillmentOrderMove;
    expect(payload.userErrors).toEqual([]);
    expect(payload.movedFulfillmentOrder?.id).not.toBe(fo.id);
    expect(payload.movedFulfillmentOrder?.lineItems.nodes).toEqual([
      { id: expect.any(String), totalQuantity: 1, lineItem: { sku: 'SB-TEE' } },
    ]);
    expect(payload.originalFulfillmentOrder).toMatchObject({ id: fo.id, status: 'OPEN' });
    expect(payload.originalFulfillmentOrder?.lineItems.nodes.map((node) => node.totalQuantity)).toEqual([
      1, 1,
    ]);
    expect((await fulfillmentOrders(orderId)).fulfillmentOrders.nodes).toHaveLength(2);
  });

  it('answers userErrors for an unknown fulfillment order or location', async () => {
    const orderId = await createOrder(h);
    const fo = (await fulfillmentOrders(orderId)).fulfillmentOrders.nodes[0]!;
    const unknownLocation = await h.gql<MoveData>(MOVE, { id: fo.id, location: 'gid://shopify/Location/1' });
    expect(unknownLocation.data.fulfillmentOrderMove).toEqual({
      movedFulfillmentOrder: null,
      originalFulfillmentOrder: null,
      remainingFulfillmentOrder: null,
      userErrors: [{ field: ['newLocationId'], message: 'Location not found.' }],
    });
    const unknownFo = await h.gql<MoveData>(MOVE, {
      id: 'gid://shopify/FulfillmentOrder/1',
      location: locationGid('Store'),
    });
    expect(unknownFo.data.fulfillmentOrderMove.userErrors).toEqual([
      { field: ['id'], message: 'FulfillmentOrder does not exist' },
    ]);
  });

  it('REST POST fulfillment_orders/{id}/move.json answers original, moved and remaining', async () => {
    const orderId = await createOrder(h);
    const fo = (await fulfillmentOrders(orderId)).fulfillmentOrders.nodes[0]!;
    const target = fo.assignedLocation.location.id === locationGid('Outlet') ? 'Store' : 'Outlet';
    const mug = fo.lineItems.nodes.find((node) => node.lineItem?.sku === 'SB-MUG')!;
    const foId = fo.id.split('/').pop();
    const response = await h.raw(`/admin/api/${VERSION}/fulfillment_orders/${foId}/move.json`, {
      method: 'POST',
      body: JSON.stringify({
        fulfillment_order: {
          new_location_id: Number(locationGid(target).split('/').pop()),
          fulfillment_order_line_items: [{ id: Number(mug.id.split('/').pop()), quantity: 1 }],
        },
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, Record<string, unknown> | null>;
    expect(Object.keys(body).sort()).toEqual([
      'moved_fulfillment_order',
      'original_fulfillment_order',
      'remaining_fulfillment_order',
    ]);
    expect(body.original_fulfillment_order).toMatchObject({ id: Number(foId), status: 'open' });
    expect(body.moved_fulfillment_order).toMatchObject({
      assigned_location_id: Number(locationGid(target).split('/').pop()),
      status: 'open',
      line_items: [expect.objectContaining({ quantity: 1, fulfillable_quantity: 1 })],
    });
    expect(body.remaining_fulfillment_order).toBeNull();

    const refused = await h.raw(`/admin/api/${VERSION}/fulfillment_orders/${foId}/move.json`, {
      method: 'POST',
      body: JSON.stringify({ fulfillment_order: { new_location_id: 1 } }),
    });
    expect(refused.status).toBe(422);
  });
});
