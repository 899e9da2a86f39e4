/** Replays Shopify's recorded orders pairs against order 450789469 rebuilt through commands. */
import { describe, expect, it } from 'vitest';
import {
  exampleIds,
  exampleOrderAfterFirstRefund,
  exampleShop,
  placeExampleOrder,
} from '../support/example-shop.ts';
import { recordedPairs, replay, shapeDiff, type RecordedPair, type Body } from '../support/fixtures.ts';

const pairs = recordedPairs('order');
const find = (method: string, path: RegExp, query = '') =>
  pairs.find((p) => p.request.method === method && path.test(p.request.path) && p.request.query === query)!;

describe('GET orders (recorded pairs)', () => {
  it('GET orders/450789469.json: same keys and nesting, self-consistent amounts', () => {
    const recorded = find('GET', /orders\/450789469\.json$/);
    const { state } = exampleOrderAfterFirstRefund();
    const response = replay(state, recorded.request);
    expect(shapeDiff(response.body, recorded.response)).toEqual([]);
    const order = (response.body as Body).order;
    const expected = recorded.response.order as Body;
    for (const key of [
      'name',
      'number',
      'order_number',
      'created_at',
      'processed_at',
      'currency',
      'total_price',
      'total_tax',
      'total_discounts',
      'total_line_items_price',
      'current_subtotal_price',
      'current_total_price',
      'current_total_tax',
      'current_total_discounts',
      'financial_status',
      'discount_codes',
      'discount_applications',
      'tax_lines',
      'note_attributes',
      'billing_address',
      'shipping_address',
      'total_outstanding',
      'payment_gateway_names',
    ]) {
      expect(order[key], key).toEqual(expected[key]);
    }
    // Shopify's example: subtotal_price 597.00 with 10.00 of discounts and total 598.94 cannot
    // all hold; its docs define subtotal_price as after discounts -> 587.00.
    expect(order.subtotal_price).toBe('587.00');
    expect(
      order.line_items.map((line: Body) => [line.id, line.current_quantity, line.fulfillable_quantity]),
    ).toEqual(
      expected.line_items.map((line: Body) => [line.id, line.current_quantity, line.fulfillable_quantity]),
    );
  });

  it.each([
    { query: 'status=any', count: 1 },
    { query: 'since_id=123', count: 1 },
    { query: 'updated_at_min=2005-07-31T15:57:11-04:00', count: 1 },
  ])('GET orders.json?$query lists the order with the recorded structure', ({ query, count }) => {
    const recorded = find('GET', /orders\.json$/, query);
    const { state } = exampleOrderAfterFirstRefund();
    const response = replay(state, recorded.request);
    expect((response.body as Body).orders).toHaveLength(count);
    expect(shapeDiff(response.body, recorded.response)).toEqual([]);
  });

  it('GET orders.json?fields=created_at,id,name,total-price returns exactly those fields', () => {
    const recorded = find('GET', /orders\.json$/, 'fields=created_at,id,name,total-price');
    const { state } = exampleOrderAfterFirstRefund();
    expect(replay(state, recorded.request).body).toEqual(recorded.response);
  });

  it('GET orders/450789469.json?fields=id,line_items,name,total_price', () => {
    const recorded = find('GET', /orders\/450789469\.json$/, 'fields=id,line_items,name,total_price');
    const { state } = exampleOrderAfterFirstRefund();
    const response = replay(state, recorded.request);
    // With `fields`, Shopify's recorded line items lack attributed_staffs; the emulator keeps
    // nested resources whole and only filters the top-level keys.
    const diffs = shapeDiff(response.body, recorded.response).filter(
      (diff) => !diff.endsWith('attributed_staffs: extra'),
    );
    expect(diffs).toEqual([]);
    expect(Object.keys((response.body as Body).order)).toEqual(['id', 'name', 'total_price', 'line_items']);
  });

  it('financial_status filter: the recorded shop lists 450789469 as authorized, ours as partially_refunded', () => {
    // The recording answers financial_status=authorized with an order its GET pair shows as
    // partially_refunded; the emulator filters on the status it reports.
    const { state } = exampleOrderAfterFirstRefund();
    const get = (query: string) =>
      replay(state, { method: 'GET', path: '/admin/api/2025-10/orders.json', query, body: null })
        .body as Body;
    expect(get('financial_status=authorized').orders).toHaveLength(0);
    expect(get('financial_status=partially_refunded').orders).toHaveLength(1);
    const count = find('GET', /orders\/count\.json$/, 'status=any');
    expect(replay(state, count.request).body).toEqual({ count: 1 });
  });
});

describe('order actions (recorded pairs)', () => {
  it('close then open set and clear closed_at', () => {
    const { state, clock } = exampleOrderAfterFirstRefund();
    clock.set('2025-04-02T16:30:51Z');
    const closed = replay(state, find('POST', /close\.json$/).request).body as Body;
    expect(closed.order.closed_at).toBe('2025-04-02T12:30:51-04:00');
    expect(shapeDiff(closed, find('POST', /close\.json$/).response)).toEqual([]);
    const opened = replay(state, find('POST', /open\.json$/).request).body as Body;
    expect(opened.order.closed_at).toBeNull();
  });

  it('cancel without body: cancelled_at, cancel_reason "other", financial status unchanged', () => {
    const recorded = pairs.find((p) => p.request.path.endsWith('cancel.json') && p.request.body === null)!;
    const { state } = exampleOrderAfterFirstRefund();
    const response = replay(state, recorded.request);
    expect(shapeDiff(response.body, recorded.response)).toEqual([]);
    expect((response.body as Body).order).toMatchObject({
      cancel_reason: 'other',
      financial_status: 'partially_refunded',
    });
    expect((response.body as Body).order.cancelled_at).not.toBeNull();
  });

  it('cancel with a refund object refunds first, then cancels', () => {
    const recorded = pairs.find(
      (p) => p.request.path.endsWith('cancel.json') && (p.request.body as Body)?.refund,
    )!;
    const { state } = exampleShop();
    placeExampleOrder(state);
    // The recording refunds against transactions of its own shop; point them at our capture.
    const rewrite = (text: string) =>
      text
        .replace(/106827848[56]/g, String(exampleIds.capture))
        .replace('24826418', String(exampleIds.locations.fifthAvenue));
    const response = replay(state, recorded.request, rewrite);
    expect(response.status).toBe(200);
    const order = (response.body as Body).order;
    expect(order.cancel_reason).toBe('other');
    expect(order.refunds[0].transactions.map((t: Body) => t.amount)).toEqual(['10.00', '100.00']);
    expect(order.line_items.every((line: Body) => line.current_quantity === 0)).toBe(true);
  });

  it('cancelling twice is refused with a 422', () => {
    const { state } = exampleOrderAfterFirstRefund();
    const cancel = {
      method: 'POST',
      path: '/admin/api/2025-10/orders/450789469/cancel.json',
      query: '',
      body: null,
    };
    replay(state, cancel);
    const again = replay(state, cancel);
    expect(again.status).toBe(422);
    expect(again.body).toEqual({ errors: { base: ['Order has already been cancelled.'] } });
  });

  it.each(
    pairs
      .filter((p) => p.request.method === 'PUT')
      .map((p) => ({ name: Object.keys((p.request.body as Body).order)[0], p })),
  )(
    'PUT orders/450789469.json ($name) keeps the recorded structure and applies the change',
    ({ p }: { p: RecordedPair }) => {
      const { state } = exampleOrderAfterFirstRefund();
      const response = replay(state, p.request);
      expect(response.status).toBe(200);
      expect(shapeDiff(response.body, p.response)).toEqual([]);
      const expected = p.response.order as Body;
      const order = (response.body as Body).order;
      for (const key of ['note', 'tags', 'note_attributes', 'email', 'phone', 'buyer_accepts_marketing']) {
        if (key in (p.request.body as Body).order) expect(order[key], key).toEqual(expected[key]);
      }
    },
  );

  it('DELETE orders/450789469.json answers {} and the order is gone', () => {
    const { state } = exampleOrderAfterFirstRefund();
    const recorded = find('DELETE', /orders\/450789469\.json$/);
    expect(replay(state, recorded.request).body).toEqual({});
    expect(replay(state, find('GET', /orders\/450789469\.json$/).request)).toMatchObject({
      status: 404,
      body: { errors: 'Not Found' },
    });
  });
});

describe('POST orders.json (recorded pairs)', () => {
  const creates = pairs.filter((p) => p.request.method === 'POST' && p.request.path.endsWith('/orders.json'));

  it.each(creates.map((p, index) => ({ index, p })))(
    'create #$index: same structure, totals and statuses',
    ({ p }) => {
      const { state } = exampleShop();
      const response = replay(state, p.request);
      expect(response.status).toBe(201);
      const order = (response.body as Body).order;
      const expected = p.response.order as Body;
      expect(shapeDiff(response.body, p.response).filter((diff) => !diff.includes('.customer'))).toEqual([]);
      for (const key of [
        'total_price',
        'total_tax',
        'currency',
        'presentment_currency',
        'financial_status',
        'fulfillment_status',
        'total_outstanding',
        'total_discounts',
      ]) {
        expect(order[key], key).toEqual(expected[key]);
      }
    },
  );
});
