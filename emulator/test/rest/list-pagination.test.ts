/** REST list behaviour: limit bounds, page_info cursors with Link headers, since_id, status. */
import { describe, expect, it } from 'vitest';
import { cancelOrder, closeOrder, createRefund, type ShopState } from '../../src/domain/index.ts';
import { handleRest } from '../../src/rest/index.ts';
import { aLine, anOrder, aShop } from '../support/builders.ts';
import type { Body } from '../support/fixtures.ts';

function shopWithOrders(count: number) {
  const shop = aShop();
  const orders = Array.from({ length: count }, () => anOrder(shop, { line_items: [aLine()] }));
  return { shop, orders };
}

const get = (state: ShopState, path: string, query: Record<string, string> = {}) =>
  handleRest(state, { method: 'GET', path: `/admin/api/2025-10/${path}`, query });

const nextPageInfo = (link: string | undefined, rel: 'next' | 'previous') => {
  const match = new RegExp(`<([^>]+)>; rel="${rel}"`).exec(link ?? '');
  return match ? new URL(match[1]!).searchParams.get('page_info') : null;
};

describe('GET orders.json pagination', () => {
  it('walks forward and back with Link headers like Shopify', () => {
    const { shop, orders } = shopWithOrders(5);
    const first = get(shop.state, 'orders.json', { limit: '2' });
    expect((first.body as Body).orders.map((order: Body) => order.id)).toEqual([
      orders[0]!.id,
      orders[1]!.id,
    ]);
    expect(first.headers.link).toMatch(
      /^<https:\/\/jsmith\.myshopify\.com\/admin\/api\/2025-10\/orders\.json\?limit=2&page_info=[\w-]+>; rel="next"$/,
    );
    const second = get(shop.state, 'orders.json', {
      limit: '2',
      page_info: nextPageInfo(first.headers.link, 'next')!,
    });
    expect((second.body as Body).orders.map((order: Body) => order.id)).toEqual([
      orders[2]!.id,
      orders[3]!.id,
    ]);
    expect(second.headers.link).toContain('rel="previous"');
    expect(second.headers.link).toContain('rel="next"');
    const back = get(shop.state, 'orders.json', {
      limit: '2',
      page_info: nextPageInfo(second.headers.link, 'previous')!,
    });
    expect((back.body as Body).orders.map((order: Body) => order.id)).toEqual([orders[0]!.id, orders[1]!.id]);
    const last = get(shop.state, 'orders.json', {
      limit: '2',
      page_info: nextPageInfo(second.headers.link, 'next')!,
    });
    expect((last.body as Body).orders).toHaveLength(1);
    expect(last.headers.link).not.toContain('rel="next"');
  });

  it.each([
    { limit: undefined, size: 50 },
    { limit: '0', size: 1 },
    { limit: '250', size: 250 },
    { limit: '999', size: 250 },
  ])('limit $limit -> pages of $size (default 50, max 250)', ({ limit, size }) => {
    const { shop } = shopWithOrders(260);
    const response = get(shop.state, 'orders.json', limit === undefined ? {} : { limit });
    expect((response.body as Body).orders).toHaveLength(size);
  });

  it('since_id returns later orders only; the page parameter is refused', () => {
    const { shop, orders } = shopWithOrders(3);
    const response = get(shop.state, 'orders.json', { since_id: String(orders[0]!.id) });
    expect((response.body as Body).orders.map((order: Body) => order.id)).toEqual([
      orders[1]!.id,
      orders[2]!.id,
    ]);
    expect(get(shop.state, 'orders.json', { page: '2' }).status).toBe(400);
  });

  it('status filters: open (default), closed, cancelled, any; count agrees', () => {
    const { shop, orders } = shopWithOrders(3);
    closeOrder(shop.state, orders[1]!.id);
    cancelOrder(shop.state, { orderId: orders[2]!.id, reason: 'other', restock: false });
    const ids = (query: Record<string, string>) =>
      (get(shop.state, 'orders.json', query).body as Body).orders.map((order: Body) => order.id);
    expect(ids({})).toEqual([orders[0]!.id]);
    expect(ids({ status: 'closed' })).toEqual([orders[1]!.id]);
    expect(ids({ status: 'cancelled' })).toEqual([orders[2]!.id]);
    expect(ids({ status: 'any' })).toHaveLength(3);
    expect(get(shop.state, 'orders/count.json', { status: 'any' }).body).toEqual({ count: 3 });
    expect(get(shop.state, 'orders.json', { status: 'archived' }).status).toBe(422);
  });

  it('financial_status and created_at filters', () => {
    const { shop, orders } = shopWithOrders(2);
    shop.clock.advance(3600);
    const later = anOrder(shop);
    createRefund(shop.state, orders[0]!.id, { transactions: [{ amount: '1.00', kind: 'refund' }] });
    const ids = (query: Record<string, string>) =>
      (get(shop.state, 'orders.json', query).body as Body).orders.map((order: Body) => order.id);
    expect(ids({ financial_status: 'partially_refunded' })).toEqual([orders[0]!.id]);
    expect(ids({ financial_status: 'paid' })).toEqual([orders[1]!.id, later.id]);
    expect(ids({ created_at_min: '2025-03-01T10:30:00Z' })).toEqual([later.id]);
  });

  it('refunds.json is paginated with Link headers too', () => {
    const shop = aShop();
    const order = anOrder(shop, { line_items: [aLine({ price: '50.00' })] });
    for (let index = 0; index < 3; index += 1)
      createRefund(shop.state, order.id, { transactions: [{ amount: '1.00', kind: 'refund' }] });
    const page = get(shop.state, `orders/${order.id}/refunds.json`, { limit: '2' });
    expect((page.body as Body).refunds).toHaveLength(2);
    expect(page.headers.link).toContain(`orders/${order.id}/refunds.json?limit=2&page_info=`);
  });

  it('unknown ids and paths answer 404 {"errors":"Not Found"}', () => {
    const { shop } = shopWithOrders(1);
    expect(get(shop.state, 'orders/1.json')).toMatchObject({ status: 404, body: { errors: 'Not Found' } });
    expect(get(shop.state, 'nothing.json')).toMatchObject({ status: 404, body: { errors: 'Not Found' } });
  });

  it('422 bodies use Shopify refund error shape', () => {
    const shop = aShop();
    const order = anOrder(shop);
    const response = handleRest(shop.state, {
      method: 'POST',
      path: `/admin/api/2025-10/orders/${order.id}/refunds.json`,
      body: { refund: { refund_line_items: [{ line_item_id: order.lineItems[0]!.id, quantity: 5 }] } },
    });
    expect(response).toMatchObject({
      status: 422,
      body: { errors: { quantity: ['cannot refund more items than were purchased'] } },
    });
  });
});

describe('multi-currency refunds over REST', () => {
  it('an amount without currency is refused on a multi-currency order (seed 003 caution)', () => {
    const shop = aShop();
    const order = anOrder(shop, {
      presentment_currency: 'EUR',
      exchange_rate: '1.10',
      line_items: [aLine({ price: '100.00' })],
    });
    const post = (refund: Body) =>
      handleRest(shop.state, {
        method: 'POST',
        path: `/admin/api/2025-10/orders/${order.id}/refunds.json`,
        body: { refund },
      });
    expect(post({ transactions: [{ amount: '5.00', kind: 'refund' }] }).status).toBe(422);
    const accepted = post({ currency: 'EUR', transactions: [{ amount: '5.00', kind: 'refund' }] });
    expect(accepted.status).toBe(201);
    expect((accepted.body as Body).refund.transactions[0]).toMatchObject({ amount: '5.00', currency: 'EUR' });
    expect((accepted.body as Body).refund.order_adjustments[0].amount_set).toEqual({
      shop_money: { amount: '-5.50', currency_code: 'USD' },
      presentment_money: { amount: '-5.00', currency_code: 'EUR' },
    });
  });
});
