/** Test builders with defaults: a shop with one location and one stocked product. */
import {
  createLocation,
  createOrder,
  createProduct,
  createShopState,
  createFulfillment,
  markAsPaid,
  type Order,
  type RestLineItemInput,
  type RestOrderInput,
  type ShopInfo,
  type ShopState,
} from '../../src/domain/index.ts';
import { movableClock, type MovableClock } from './example-shop.ts';

export interface TestShop {
  state: ShopState;
  clock: MovableClock;
  locationId: number;
  /** variant ids by SKU */
  variants: Record<string, number>;
}

export function aShop(shop: Partial<ShopInfo> = {}): TestShop {
  const clock = movableClock('2025-03-01T10:00:00Z');
  const state = createShopState({ clock, shop });
  const location = createLocation(state, { name: 'Main warehouse', country_code: 'US' });
  const product = createProduct(state, {
    title: 'T-shirt',
    variants: [
      { sku: 'TS-S', title: 'S', price: '20.00', inventory: [{ locationId: location.id, available: 10 }] },
      { sku: 'TS-M', title: 'M', price: '30.00', inventory: [{ locationId: location.id, available: 10 }] },
    ],
  });
  const giftCard = createProduct(state, {
    title: 'Gift card',
    giftCard: true,
    variants: [{ sku: 'GC-50', price: '50.00' }],
  });
  const variants = Object.fromEntries(
    [...product.variants, ...giftCard.variants].map((variant) => [variant.sku ?? '', variant.id]),
  );
  return { state, clock, locationId: location.id, variants };
}

export const aLine = (overrides: Partial<RestLineItemInput> = {}): RestLineItemInput => ({
  title: 'Widget',
  price: '10.00',
  quantity: 1,
  ...overrides,
});

/** A paid order: a manual sale for its total unless `transactions` are given. */
export function anOrder(shop: TestShop, overrides: Partial<RestOrderInput> = {}): Order {
  const order = createOrder(shop.state, {
    line_items: [aLine()],
    inventory_behaviour: 'decrement_obeying_policy',
    ...(overrides.transactions ? {} : { financial_status: 'pending' }),
    ...overrides,
  });
  if (!overrides.transactions) markAsPaid(shop.state, order.id);
  return order;
}

/** Ships every unit of the order's fulfillment orders. */
export function shipEverything(shop: TestShop, order: Order): void {
  for (const fulfillmentOrder of order.fulfillmentOrders) {
    createFulfillment(shop.state, {
      lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fulfillmentOrder.id }],
    });
  }
}
