import { addBags, sumBags, zeroBag } from '../money/bag.ts';
import type { Order } from '../model/order.ts';
import { getOrder } from '../orders/query-orders.ts';
import type { ShopState } from '../state.ts';
import { refundDuties } from './refund-duties.ts';
import type { RefundCalculation, RefundInput } from './refund-input.ts';
import { refundLines } from './refund-lines.ts';
import { refundShipping, shippingRemaining } from './refund-shipping.ts';
import { exchangeAdjustedTotal } from './exchange-credit.ts';
import { suggestTransactions } from './suggest-transactions.ts';

/** POST refunds/calculate.json / GraphQL suggestedRefund: nothing is written. */
export function calculateRefund(state: ShopState, orderId: number, input: RefundInput): RefundCalculation {
  const order = getOrder(state, orderId);
  return computeRefund(order, input, { suggestLocations: true });
}

/** Pure: the refund Shopify would make for `input` on `order` as it stands. */
export function computeRefund(
  order: Order,
  input: RefundInput,
  options: { suggestLocations?: boolean } = {},
): RefundCalculation {
  const suggestLocations = options.suggestLocations ?? true;
  const lines = refundLines(order, input.refundLineItems ?? [], input.restock ?? false, suggestLocations);
  const shippingLines = refundShipping(order, input);
  const duties = refundDuties(order, input, lines);
  const subtotal = sumBags(lines, (line) => line.subtotal);
  const lineTax = sumBags(lines, (line) => line.totalTax);
  const shippingAmount = sumBags(shippingLines, (line) => line.subtotal);
  const shippingTax = sumBags(shippingLines, (line) => line.tax);
  const totalDuties = sumBags(duties, (duty) => duty.amount);
  // Tax-inclusive prices already hold their tax (BC connector's EUR order): add it only when excluded.
  const taxToAdd = order.taxesIncluded ? zeroBag : addBags(lineTax, shippingTax);
  const value = addBags(subtotal, shippingAmount, totalDuties, taxToAdd);
  const total = exchangeAdjustedTotal(order, input.returnId, value);
  return {
    currency: order.presentmentCurrency,
    lines,
    shipping: {
      amount: shippingAmount,
      tax: shippingTax,
      maximumRefundable: sumBags(shippingRemaining(order), (item) => item.amount),
    },
    shippingLines,
    duties,
    totalDuties,
    subtotal,
    totalTax: addBags(lineTax, shippingTax),
    total,
    suggestedTransactions: suggestTransactions(order, total),
  };
}
