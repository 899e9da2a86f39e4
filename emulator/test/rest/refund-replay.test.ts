/**
 * Replays Shopify's recorded refunds pairs (shopify-app-js 2025-10) against order 450789469
 * rebuilt through the emulator's own commands.
 */
import { describe, expect, it } from 'vitest';
import { exampleIds, exampleOrderAfterFirstRefund } from '../support/example-shop.ts';
import { pair, readFixture, replay, shapeDiff, type RecordedPair, type Body } from '../support/fixtures.ts';

const calculatePairs = (match: (body: Body) => boolean) =>
  pair('refund', (p) => p.request.path.endsWith('refunds/calculate.json') && match(p.request.body as Body));

describe('POST refunds/calculate.json (recorded pairs)', () => {
  it.each([
    {
      name: 'line 518995019 x1 + full shipping, currency USD',
      match: (b: Body) => b.refund.currency === 'USD' && !!b.refund.refund_line_items,
    },
    { name: 'line 518995019 x1 + full shipping, no currency', match: (b: Body) => !b.refund.currency },
  ])('$name: 195.67 + 3.98 capped at 41.94, same structure', ({ match }) => {
    const recorded = calculatePairs(match);
    const { state } = exampleOrderAfterFirstRefund();
    const response = replay(state, recorded.request);
    expect(response.status).toBe(200);
    expect(shapeDiff(response.body, recorded.response)).toEqual([]);
    // Shopify's recorded shop has no shipping left (free shipping), so the bodies agree exactly.
    expect(response.body).toEqual(recorded.response);
  });

  it('shipping amount 2.00 of 5.00: suggested 2.00 against capture 801038806 (max 41.94)', () => {
    const recorded = calculatePairs((b) => b.refund.shipping?.amount === 2);
    // In this recording the shipping line costs 5.00 (it is free in the GET order pair).
    const { state } = exampleOrderAfterFirstRefund('5.00');
    const response = replay(state, recorded.request);
    expect(shapeDiff(response.body, recorded.response)).toEqual([]);
    expect(response.body).toEqual(recorded.response);
  });

  it('shopify-python-api refund_calculate.json: 5.00 shipping + line, still capped at 41.94', () => {
    const expected = readFixture<Body>('shopify-python-api/refund_calculate.json').refund;
    const { state } = exampleOrderAfterFirstRefund('5.00');
    const response = replay(state, {
      method: 'POST',
      path: `/admin/api/2025-10/orders/${exampleIds.order}/refunds/calculate.json`,
      query: '',
      body: {
        refund: {
          shipping: { full_refund: true },
          refund_line_items: [{ line_item_id: exampleIds.lines.red, quantity: 1 }],
        },
      },
    });
    const refund = (response.body as Body).refund;
    expect(refund.shipping).toEqual(expected.shipping);
    expect(refund.refund_line_items[0]).toMatchObject(expected.refund_line_items[0]);
    expect(refund.transactions[0]).toMatchObject(expected.transactions[0]);
  });
});

describe('POST refunds.json (recorded pairs)', () => {
  const createPair = (match: (body: Body) => boolean): RecordedPair =>
    pair(
      'refund',
      (p) =>
        p.request.method === 'POST' &&
        p.request.path.endsWith('/refunds.json') &&
        match(p.request.body as Body),
    );

  it('refund of 5.00 shipping: refund_shipping_lines + shipping_refund adjustment -5.00, same structure', () => {
    const recorded = createPair((b) => b.refund.shipping?.amount === 5);
    const { state } = exampleOrderAfterFirstRefund('5.00');
    const response = replay(state, recorded.request);
    expect(response.status).toBe(201);
    expect(shapeDiff(response.body, recorded.response)).toEqual([]);
    const refund = (response.body as Body).refund;
    const expected = recorded.response.refund as Body;
    expect(refund.order_adjustments.map((a: Body) => [a.kind, a.amount, a.tax_amount])).toEqual([
      ['shipping_refund', '-5.00', '0.00'],
    ]);
    expect(refund.refund_shipping_lines[0].subtotal_amount_set).toEqual(
      expected.refund_shipping_lines[0].subtotal_amount_set,
    );
    expect(refund.transactions[0]).toMatchObject({
      kind: 'refund',
      gateway: 'bogus',
      amount: '5.00',
      parent_id: exampleIds.capture,
      status: 'success',
    });
  });

  it('return of unfulfilled line 518995019 becomes no_restock with no location, refunded 41.94', () => {
    const recorded = createPair((b) => b.refund.note === 'wrong size');
    const { state } = exampleOrderAfterFirstRefund();
    const response = replay(state, recorded.request);
    expect(shapeDiff(response.body, recorded.response)).toEqual([]);
    const refund = (response.body as Body).refund;
    expect(refund.refund_line_items[0]).toMatchObject({
      restock_type: 'no_restock',
      location_id: null,
      quantity: 1,
    });
    expect(refund.transactions[0]).toMatchObject({
      amount: '41.94',
      kind: 'refund',
      parent_id: exampleIds.capture,
    });
    // Shopify recorded subtotal 0.00 for this line, which contradicts its own calculate
    // (195.67 + 3.98) for the same line; the emulator keeps the calculated values and
    // records the 157.71 not given back as a refund_discrepancy adjustment (seed 003).
    expect(refund.refund_line_items[0].subtotal_set.shop_money.amount).toBe('195.67');
    expect(refund.order_adjustments.map((a: Body) => [a.kind, a.amount])).toEqual([
      ['refund_discrepancy', '157.71'],
    ]);
  });

  it('GET refunds.json and refunds/{id}.json return the recorded structure', () => {
    const { state, order } = exampleOrderAfterFirstRefund();
    const list = pair(
      'refund',
      (p) => p.request.method === 'GET' && p.request.path.endsWith('/refunds.json'),
    );
    const listed = replay(state, list.request);
    expect(shapeDiff(listed.body, list.response)).toEqual([]);
    const single = pair(
      'refund',
      (p) => p.request.method === 'GET' && /refunds\/\d+\.json$/.test(p.request.path),
    );
    const refundId = order.refunds[0]!.id;
    const got = replay(state, single.request, (text) => text.replace('509562969', String(refundId)));
    expect(shapeDiff(got.body, single.response)).toEqual([]);
    const expected = single.response.refund as Body;
    const actual = (got.body as Body).refund;
    expect(actual.transactions[0].amount).toBe(expected.transactions[0].amount);
    // Shopify's example swaps the two lines' 195.66/195.67 (the 3.34 allocation is on line
    // 466157049, so it is the one refunded for 195.66); the pair of amounts is the same.
    const subtotals = (refund: Body) => refund.refund_line_items.map((item: Body) => item.subtotal).sort();
    expect(subtotals(actual)).toEqual(subtotals(expected));
  });
});
