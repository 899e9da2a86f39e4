/** The state folder round trip and the movable clock. */
import { describe, expect, it } from 'vitest';
import { calculateRefund, paginate, searchOrders, ShopState, orderTotals } from '../../src/domain/index.ts';
import { exampleIds, exampleOrderAfterFirstRefund } from '../support/example-shop.ts';
import { anOrder, aShop } from '../support/builders.ts';

describe('ShopState persistence', () => {
  it('toJSON / fromJSON keeps every record and the id counter', () => {
    const { state } = exampleOrderAfterFirstRefund();
    const restored = ShopState.fromJSON(JSON.parse(JSON.stringify(state.toJSON())), state.clock);
    expect(restored.data).toEqual(state.data);
    expect(restored.nextId()).toBe(state.nextId());
    const calculation = calculateRefund(restored, exampleIds.order, {
      refundLineItems: [{ lineItemId: exampleIds.lines.red, quantity: 1 }],
    });
    expect(calculation.suggestedTransactions[0]!.amount.shop).toBe(4194);
    expect(orderTotals(restored.data.orders[0]!).currentTotalPrice.shop).toBe(19965);
  });

  it('refuses foreign JSON', () => {
    expect(() => ShopState.fromJSON({ hello: 'world' }, () => new Date())).toThrow(/format/);
  });

  it('timestamps come from the injected clock', () => {
    const shop = aShop();
    shop.clock.set('2030-01-02T03:04:05Z');
    expect(anOrder(shop).createdAt).toBe('2030-01-02T03:04:05.000Z');
  });
});

describe('searchOrders and paginate', () => {
  it('filters with Shopify search terms and pages with cursors', () => {
    const shop = aShop();
    const orders = [anOrder(shop, { tags: 'vip' }), anOrder(shop), anOrder(shop, { tags: ['vip', 'b2b'] })];
    expect(searchOrders(shop.state, 'tag:vip').map((order) => order.id)).toEqual([
      orders[0]!.id,
      orders[2]!.id,
    ]);
    expect(searchOrders(shop.state, '-tag:vip financial_status:paid').map((order) => order.id)).toEqual([
      orders[1]!.id,
    ]);
    expect(searchOrders(shop.state, `name:${orders[1]!.name}`)).toHaveLength(1);
    const first = paginate(searchOrders(shop.state, ''), { first: 2 });
    expect(first).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = paginate(searchOrders(shop.state, ''), { first: 2, after: first.endCursor });
    expect(next.items.map((order) => order.id)).toEqual([orders[2]!.id]);
    expect(next).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});
