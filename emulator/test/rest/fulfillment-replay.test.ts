/** Replays Shopify's recorded fulfillment and fulfillment order pairs. */
import { describe, expect, it } from 'vitest';
import { exampleIds, exampleShop, placeExampleOrder } from '../support/example-shop.ts';
import { recordedPairs, replay, shapeDiff, type Body } from '../support/fixtures.ts';

const fulfillments = recordedPairs('fulfillment');
const fulfillmentOrders = recordedPairs('fulfillment_order');

function shopWithOrder() {
  const { state, clock } = exampleShop();
  const order = placeExampleOrder(state);
  return { state, clock, order, fulfillmentOrderId: order.fulfillmentOrders[0]!.id };
}

describe('fulfillment orders (recorded pairs)', () => {
  it('GET orders/{id}/fulfillment_orders.json: one per assigned location, recorded structure', () => {
    const { state, order } = shopWithOrder();
    const recorded = fulfillmentOrders[0]!;
    const body = replay(state, recorded.request).body as Body;
    expect(shapeDiff(body, recorded.response)).toEqual([]);
    expect(body.fulfillment_orders).toHaveLength(1);
    // Assigned to the first active location that stocks the items (50 Rideau Street here).
    expect(body.fulfillment_orders[0].assigned_location_id).toBe(exampleIds.locations.rideau);
    expect(body.fulfillment_orders[0].line_items.map((item: Body) => item.line_item_id)).toEqual(
      order.lineItems.map((line) => line.id),
    );
  });

  it.each(['hold', 'release_hold', 'close', 'open'].map((action) => ({ action })))(
    'POST fulfillment_orders/{id}/$action',
    ({ action }) => {
      const { state, fulfillmentOrderId } = shopWithOrder();
      const recorded = fulfillmentOrders.find((p) => p.request.path.endsWith(`/${action}.json`))!;
      const rewrite = (text: string) =>
        text.replace(/104600\d{4}/g, String(fulfillmentOrderId)).replace(/107250\d{4}/g, '0');
      if (action === 'release_hold')
        replay(state, fulfillmentOrders.find((p) => p.request.path.endsWith('/hold.json'))!.request, rewrite);
      if (action === 'open')
        replay(
          state,
          fulfillmentOrders.find((p) => p.request.path.endsWith('/close.json'))!.request,
          rewrite,
        );
      const response = replay(state, recorded.request, rewrite);
      expect(response.status).toBe(200);
      // release_hold was recorded with an older shape (origin/outgoing_requests instead of
      // assigned_location/merchant_requests); the other actions use the current one.
      const olderShape = /\.(origin|outgoing_requests|assigned_location|merchant_requests): (missing|extra)$/;
      const diffs = shapeDiff(response.body, recorded.response).filter(
        (diff) => !diff.includes('fulfillment_holds') && !olderShape.test(diff),
      );
      expect(diffs).toEqual([]);
      expect((response.body as Body).fulfillment_order.status).toBe(
        (recorded.response.fulfillment_order as Body).status,
      );
    },
  );
});

describe('fulfillments (recorded pairs)', () => {
  const creates = fulfillments.filter(
    (p) => p.request.method === 'POST' && p.request.path.endsWith('/fulfillments.json'),
  );

  it.each(
    creates
      .filter((p) => (p.request.body as Body).fulfillment.line_items_by_fulfillment_order)
      .map((p, index) => ({ index, p })),
  )('POST fulfillments.json #$index ships the fulfillment order with tracking', ({ p }) => {
    const { state, order, fulfillmentOrderId } = shopWithOrder();
    const rewrite = (text: string) => text.replace(/104600\d{4}/g, String(fulfillmentOrderId));
    const body = JSON.parse(rewrite(JSON.stringify(p.request.body))) as Body;
    // Recorded requests that name single fulfillment order lines use ids of Shopify's shop.
    for (const group of body.fulfillment.line_items_by_fulfillment_order)
      delete group.fulfillment_order_line_items;
    const response = replay(state, { ...p.request, body });
    expect(response.status).toBe(201);
    expect(shapeDiff(response.body, p.response)).toEqual([]);
    const fulfillment = (response.body as Body).fulfillment;
    const tracking = body.fulfillment.tracking_info ?? {};
    expect(fulfillment).toMatchObject({
      status: 'success',
      order_id: order.id,
      tracking_number: tracking.number ?? null,
      name: '#1001.1',
    });
    expect(fulfillment.line_items.map((line: Body) => line.fulfillment_status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
  });

  it('update_tracking then cancel, and the order listing/count/get', () => {
    const { state, fulfillmentOrderId, clock } = shopWithOrder();
    const created = replay(state, {
      method: 'POST',
      path: '/admin/api/2025-10/fulfillments.json',
      query: '',
      body: {
        fulfillment: { line_items_by_fulfillment_order: [{ fulfillment_order_id: fulfillmentOrderId }] },
      },
    }).body as Body;
    const id = String(created.fulfillment.id);
    const update = fulfillments.find(
      (p) =>
        p.request.path.endsWith('update_tracking.json') &&
        (p.request.body as Body).fulfillment.tracking_info.company,
    )!;
    const updated = replay(state, update.request, (text) => text.replace('1069019869', id)).body as Body;
    expect(shapeDiff(updated, update.response).filter((diff) => !diff.includes('origin_address'))).toEqual(
      [],
    );
    expect(updated.fulfillment).toMatchObject({
      tracking_company: 'UPS',
      tracking_number: '1Z001985YW99744790',
    });
    clock.advance(30);
    const cancel = fulfillments.find((p) => p.request.path.endsWith('/cancel.json'))!;
    const cancelled = replay(state, cancel.request, (text) => text.replace('1069019879', id)).body as Body;
    expect(cancelled.fulfillment.status).toBe('cancelled');
    const order = replay(state, {
      method: 'GET',
      path: '/admin/api/2025-10/orders/450789469.json',
      query: '',
      body: null,
    }).body as Body;
    expect(order.order.fulfillment_status).toBeNull();
    expect(order.order.line_items.map((line: Body) => line.fulfillable_quantity)).toEqual([1, 1, 1]);
    const count = fulfillments.find((p) => p.request.path.endsWith('fulfillments/count.json'))!;
    expect(replay(state, count.request).body).toEqual({ count: 1 });
    const list = fulfillments.find(
      (p) => p.request.path.endsWith('450789469/fulfillments.json') && !p.request.query,
    )!;
    expect(
      shapeDiff(replay(state, list.request).body, list.response).filter(
        (diff) => !diff.includes('origin_address') && !diff.includes('receipt'),
      ),
    ).toEqual([]);
  });
});
