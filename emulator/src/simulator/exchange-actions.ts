import {
  closeReturn,
  createReturn,
  getOrder,
  lineItemQuantities,
  type LineItem,
  type Order,
  type ShopState,
} from '../domain/index.ts';
import type { SimulatedShop } from './shop-setup.ts';

export type ExchangeKind = 'cheaper' | 'pricier';

/**
 * returnCreate with an exchange: one shipped unit comes back and one unit of another good goes
 * out. `cheaper` returns the dearest shipped good and takes the cheapest one in the catalogue;
 * `pricier` returns the cheapest shipped good and takes the dearest one (prices 8.00 to 25.00 and
 * a discount of at most 2.00 on a line keep the difference's sign). Returns the return's id.
 */
export function exchangeUnit(
  state: ShopState,
  shop: SimulatedShop,
  orderId: number,
  kind: ExchangeKind,
): number | null {
  const order = getOrder(state, orderId);
  const shipped = order.lineItems
    .filter((line) => !line.giftCard && lineItemQuantities(order, line).returnableQuantity > 0)
    .sort((a, b) => (kind === 'cheaper' ? b.price.shop - a.price.shop : a.price.shop - b.price.shop));
  const line = shipped[0];
  const fulfillmentLine = line && shippedUnitOf(order, line);
  if (!line || !fulfillmentLine) return null;
  const goods = [...shop.goods].sort((a, b) => a.price - b.price);
  const variant = kind === 'cheaper' ? goods[0]! : goods[goods.length - 1]!;
  const created = createReturn(state, {
    orderId,
    returnLineItems: [
      {
        fulfillmentLineItemId: fulfillmentLine.id,
        quantity: 1,
        returnReason: kind === 'cheaper' ? 'STYLE' : 'SIZE_TOO_SMALL',
        returnReasonNote: '',
      },
    ],
    exchangeLineItems: [{ variantId: variant.id, quantity: 1 }],
  });
  return created.id;
}

function shippedUnitOf(order: Order, line: LineItem) {
  return order.fulfillments
    .filter((fulfillment) => fulfillment.status === 'success')
    .flatMap((fulfillment) => fulfillment.lineItems)
    .find((item) => item.lineItemId === line.id && item.quantity > 0);
}

export function closeIfOpen(state: ShopState, orderId: number, returnId: number | null): void {
  const found = getOrder(state, orderId).returns.find((item) => item.id === returnId);
  if (found?.status === 'OPEN') closeReturn(state, found.id);
}
