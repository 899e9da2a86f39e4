import {
  orderTotals,
  shippingDiscountedPrice,
  zeroBag,
  type Order,
  type ShopState,
} from '../../domain/index.ts';
import { moneyOf } from '../../rest/serialize/money.ts';
import { restOrder } from '../../rest/serialize/order.ts';

/**
 * Order topics send the REST order plus the fields Shopify's example payload has beyond the
 * REST resource (metadatas/2025-10/orders/create.json): `company` ({id, location_id} for B2B
 * orders, else null), `current_shipping_price_set`, `line_item_groups` (bundles; none here) and
 * `returns` (no example of an item in the fixtures, so always empty here).
 */
export function orderPayload(state: ShopState, order: Order) {
  const money = moneyOf(order);
  const company = order.companyId === null ? undefined : companyOf(state, order.companyId);
  const rest = restOrder(state, order);
  return {
    ...rest,
    // Webhook shipping lines also carry the price after discounts (0 once the line is removed).
    shipping_lines: rest.shipping_lines.map((line, index) => {
      const shippingLine = order.shippingLines[index]!;
      const current = shippingLine.isRemoved ? zeroBag : shippingDiscountedPrice(shippingLine);
      return { ...line, current_discounted_price_set: money.set(current) };
    }),
    company: company ? { id: company.id, location_id: company.locations[0]?.id ?? null } : null,
    current_shipping_price_set: money.set(orderTotals(order).currentShipping),
    line_item_groups: [],
    returns: [],
  };
}

function companyOf(state: ShopState, companyId: number) {
  return state.data.companies.find((company) => company.id === companyId);
}

/** orders/delete sends only the id (metadatas/2025-10/orders/delete.json). */
export function deletedOrderPayload(orderId: number) {
  return { id: orderId };
}
