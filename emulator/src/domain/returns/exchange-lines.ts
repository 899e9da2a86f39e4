import { findVariant } from '../catalog/products.ts';
import type { UserError } from '../errors.ts';
import type { LineItem, Order } from '../model/order.ts';
import type { ExchangeLineItem } from '../model/returns.ts';
import { addVariantLines } from '../orders/add-variant-lines.ts';
import { locationOfLine } from '../fulfillments/fulfillment-orders.ts';
import type { ShopState } from '../state.ts';

/** ExchangeLineItemInput (2025-01): `variantId`, `quantity` (gift card codes and discounts not modelled). */
export interface ExchangeItemInput {
  variantId: number;
  quantity: number;
}

/** Checked with the return lines, before anything is written. */
export function checkExchangeItems(state: ShopState, items: readonly ExchangeItemInput[]): UserError[] {
  const errors: UserError[] = [];
  items.forEach((item, index) => {
    const field = ['exchangeLineItems', String(index)];
    if (!findVariant(state, item.variantId)) {
      errors.push({ field: [...field, 'variantId'], message: 'Variant does not exist.', code: 'NOT_FOUND' });
    }
    if (!Number.isInteger(item.quantity) || item.quantity < 1) {
      errors.push({
        field: [...field, 'quantity'],
        message: 'Quantity must be greater than 0.',
        code: 'GREATER_THAN',
      });
    }
  });
  return errors;
}

/**
 * The exchange items become line items of the same order ("Native exchanges do not create a
 * separate new order. They're updates to the existing order", Shopify's read-exchanges guide),
 * at the variant's price with the order's tax rates and their own fulfillment order. Their value
 * raises the order's current total at once: the returned units leave it when the return is
 * refunded (refundCreate with `returnId`), whose suggested money is then only the difference
 * (see refunds/exchange-credit.ts) — "The value of the returned items is applied to the exchange
 * items. If there is a balance due ..." the order has a totalOutstanding until it is paid.
 */
export function addExchangeLines(
  state: ShopState,
  order: Order,
  items: readonly ExchangeItemInput[],
): ExchangeLineItem[] {
  const preferred = order.lineItems.map((line) => locationOfLine(order, line.id)).find((id) => id !== null);
  const lines = addVariantLines(state, order, items, preferred ?? null, markExchange);
  return lines.map((line, index) => ({
    id: state.nextId(),
    lineItemId: line.id,
    variantId: items[index]!.variantId,
    quantity: line.quantity,
  }));
}

function markExchange(line: LineItem): void {
  line.addedByExchange = true;
}
