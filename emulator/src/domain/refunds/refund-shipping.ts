import { fail } from '../errors.ts';
import { bagFromPresentment, subtractBags, sumBags, zeroBag, type Bag } from '../money/bag.ts';
import { parseDecimalToMinor, roundDiv } from '../money/decimal.ts';
import type { Order, ShippingLine } from '../model/order.ts';
import { orderCurrencies } from '../orders/currencies.ts';
import { shippingDiscountedPrice, shippingTaxTotal } from '../orders/order-totals.ts';
import type { CalculatedShippingLine, RefundInput } from './refund-input.ts';
import { amountInOrderCurrency } from './refund-money.ts';

interface ShippingRemaining {
  line: ShippingLine;
  amount: Bag;
  tax: Bag;
}

/** What each shipping line can still give back (its discounted price minus earlier refunds). */
export function shippingRemaining(order: Order): ShippingRemaining[] {
  const refunded = order.refunds.flatMap((refund) => refund.refundShippingLines);
  return order.shippingLines.map((line) => {
    const earlier = refunded.filter((item) => item.shippingLineId === line.id);
    return {
      line,
      amount: subtractBags(
        shippingDiscountedPrice(line),
        sumBags(earlier, (item) => item.subtotal),
      ),
      tax: subtractBags(
        shippingTaxTotal(line),
        sumBags(earlier, (item) => item.tax),
      ),
    };
  });
}

/**
 * seed 003: `full_refund` refunds all remaining shipping; `amount` takes precedence and may
 * not exceed what remains (`maximum_refundable`). Shipping tax follows the amount pro rata.
 */
export function refundShipping(order: Order, input: RefundInput): CalculatedShippingLine[] {
  const remaining = shippingRemaining(order);
  if (input.refundShippingLines?.length) return perLine(order, input, remaining);
  const shipping = input.shipping;
  if (!shipping) return [];
  const maximum = sumBags(remaining, (item) => item.amount);
  if (shipping.amount !== undefined && shipping.amount !== null) {
    const wanted = amountInOrderCurrency(order, shipping.amount, input.currency);
    if (wanted.presentment > maximum.presentment) {
      fail('Shipping amount cannot be greater than the refundable shipping amount', ['shipping', 'amount']);
    }
    return spread(order, wanted, remaining);
  }
  return shipping.fullRefund ? remaining.filter(hasAmount).map(whole) : [];
}

function perLine(order: Order, input: RefundInput, remaining: ShippingRemaining[]): CalculatedShippingLine[] {
  return (input.refundShippingLines ?? []).map((request, index) => {
    const item = remaining.find((candidate) => candidate.line.id === request.shippingLineId);
    if (!item)
      fail('Shipping line does not exist', ['refund_shipping_lines', String(index), 'shipping_line_id']);
    if (request.amount === undefined || request.amount === null) return whole(item);
    const amount = amountInOrderCurrency(order, request.amount, input.currency);
    if (amount.presentment > item.amount.presentment) {
      fail('Shipping amount cannot be greater than the refundable shipping amount', [
        'refund_shipping_lines',
        String(index),
        'amount',
      ]);
    }
    return partOf(order, item, amount);
  });
}

function hasAmount(item: ShippingRemaining): boolean {
  return item.amount.presentment > 0 || item.tax.presentment > 0;
}

function whole(item: ShippingRemaining): CalculatedShippingLine {
  return { shippingLineId: item.line.id, subtotal: item.amount, tax: item.tax };
}

function partOf(order: Order, item: ShippingRemaining, amount: Bag): CalculatedShippingLine {
  if (amount.presentment === item.amount.presentment) return whole(item);
  const tax =
    item.amount.presentment === 0
      ? 0
      : roundDiv(item.tax.presentment * amount.presentment, item.amount.presentment);
  return {
    shippingLineId: item.line.id,
    subtotal: amount,
    tax: bagFromPresentment(tax, orderCurrencies(order)),
  };
}

/** A shipping amount is taken from the shipping lines in order. */
function spread(order: Order, wanted: Bag, remaining: ShippingRemaining[]): CalculatedShippingLine[] {
  const rows: CalculatedShippingLine[] = [];
  let left = wanted.presentment;
  for (const item of remaining) {
    if (left <= 0) break;
    const take = Math.min(left, item.amount.presentment);
    if (take <= 0) continue;
    const amount = take === wanted.presentment ? wanted : bagFromPresentment(take, orderCurrencies(order));
    rows.push(partOf(order, item, amount));
    left -= take;
  }
  if (rows.length === 0 && remaining[0] && wanted.presentment === 0) {
    rows.push({ shippingLineId: remaining[0].line.id, subtotal: zeroBag, tax: zeroBag });
  }
  return rows;
}

export function parseShippingAmount(order: Order, amount: string | number): number {
  return parseDecimalToMinor(amount, order.presentmentCurrency);
}
