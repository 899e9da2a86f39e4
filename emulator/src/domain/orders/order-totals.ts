import { addBags, subtractBags, sumBags, zeroBag, type Bag } from '../money/bag.ts';
import type { LineItem, Order, ShippingLine } from '../model/order.ts';
import type { Transaction } from '../model/payments.ts';
import {
  lineDiscountTotal,
  lineDiscountedTotal,
  lineGrossTotal,
  lineItemCurrentAmounts,
  lineTaxTotal,
} from './line-amounts.ts';
import { lineItemQuantities } from './line-quantities.ts';
import { maximumRefundable } from './transaction-amounts.ts';

/** Every total Shopify exposes on an order, as Bags (minor units). */
export interface OrderTotals {
  totalLineItems: Bag;
  /** After discounts, before shipping, duties, taxes and tips (tax-inclusive if taxesIncluded). */
  subtotal: Bag;
  totalDiscounts: Bag;
  totalTax: Bag;
  /** Shipping before discounts (total_shipping_price_set). */
  totalShipping: Bag;
  totalDuties: Bag;
  totalTip: Bag;
  totalPrice: Bag;
  originalTotalPrice: Bag;
  originalTotalDuties: Bag;
  currentSubtotal: Bag;
  currentTotalDiscounts: Bag;
  currentTotalTax: Bag;
  currentShipping: Bag;
  currentTotalDuties: Bag;
  currentTotalPrice: Bag;
  totalRefundedShipping: Bag;
  totalReceived: Bag;
  totalRefunded: Bag;
  netPayment: Bag;
  totalOutstanding: Bag;
  totalCapturable: Bag;
  refundable: boolean;
}

export function orderTotals(order: Order): OrderTotals {
  const lines = order.lineItems;
  const shipping = order.shippingLines;
  const lineTax = sumBags(lines, lineTaxTotal);
  const shippingTax = sumBags(shipping, shippingTaxTotal);
  const shippingDiscounted = sumBags(shipping, shippingDiscountedPrice);
  const totalDuties = sumBags(lines, lineDutiesTotal);
  const subtotal = sumBags(lines, lineDiscountedTotal);
  const totalTax = addBags(lineTax, shippingTax);
  const totalPrice = priceOf(order, subtotal, shippingDiscounted, totalTax, totalDuties);

  // originalTotalPriceSet is "The total price of the order at the time of creation": lines and
  // units added later by edits or exchanges are left out.
  const original = lines.filter((line) => !line.addedByEdit && !line.addedByExchange);
  const originalTax = addBags(
    sumBags(original, (line) => subtractBags(lineTaxTotal(line), line.unitsAddedByEdit?.tax ?? zeroBag)),
    shippingTax,
  );
  const originalDuties = sumBags(original, lineDutiesTotal);
  const originalTotalPrice = priceOf(
    order,
    sumBags(original, (line) =>
      subtractBags(lineDiscountedTotal(line), line.unitsAddedByEdit?.gross ?? zeroBag),
    ),
    shippingDiscounted,
    originalTax,
    originalDuties,
  );

  const current = lines.map((line) => lineItemCurrentAmounts(order, line));
  const refundedShipping = sumBags(
    order.refunds.flatMap((refund) => refund.refundShippingLines),
    (line) => line.subtotal,
  );
  const refundedShippingTax = sumBags(
    order.refunds.flatMap((refund) => refund.refundShippingLines),
    (line) => line.tax,
  );
  const refundedDuties = sumBags(
    order.refunds.flatMap((refund) => refund.duties),
    (duty) => duty.amount,
  );
  const currentSubtotal = sumBags(current, (amounts) => amounts.discountedTotal);
  const currentShipping = subtractBags(shippingDiscounted, refundedShipping);
  const currentTotalTax = addBags(
    sumBags(current, (amounts) => amounts.tax),
    subtractBags(shippingTax, refundedShippingTax),
  );
  const currentTotalDuties = subtractBags(totalDuties, refundedDuties);
  const currentTotalPrice = priceOf(
    order,
    currentSubtotal,
    currentShipping,
    currentTotalTax,
    currentTotalDuties,
  );

  const money = moneyTotals(order.transactions);
  const netPayment = subtractBags(money.received, money.refunded);
  return {
    totalLineItems: sumBags(lines, lineGrossTotal),
    subtotal,
    totalDiscounts: addBags(sumBags(lines, lineDiscountTotal), sumBags(shipping, shippingDiscountTotal)),
    totalTax,
    totalShipping: sumBags(shipping, (line) => line.price),
    totalDuties,
    totalTip: order.tip,
    totalPrice,
    originalTotalPrice,
    originalTotalDuties: originalDuties,
    currentSubtotal,
    currentTotalDiscounts: addBags(
      sumBags(current, (amounts) => amounts.discount),
      sumBags(shipping, shippingDiscountTotal),
    ),
    currentTotalTax,
    currentShipping,
    currentTotalDuties,
    currentTotalPrice,
    totalRefundedShipping: refundedShipping,
    totalReceived: money.received,
    totalRefunded: money.refunded,
    netPayment,
    totalOutstanding: outstanding(currentTotalPrice, netPayment, money.capturable),
    totalCapturable: money.capturable,
    refundable: isRefundable(order, currentShipping),
  };
}

/**
 * What the customer still owes: current total minus net payment minus what authorizations
 * still hold, never below zero. Fits every recorded order: 598.94 order with capture 250.94
 * and 348.00 still authorized -> 0.00; 199.00 with a 50.00 authorization -> 149.00.
 */
function outstanding(currentTotal: Bag, netPayment: Bag, capturable: Bag): Bag {
  const left = subtractBags(subtractBags(currentTotal, netPayment), capturable);
  return { shop: Math.max(0, left.shop), presentment: Math.max(0, left.presentment) };
}

/** total = subtotal + shipping + duties + tips, plus taxes unless prices already include them. */
function priceOf(order: Order, subtotal: Bag, shipping: Bag, tax: Bag, duties: Bag): Bag {
  const parts = [subtotal, shipping, duties, order.tip];
  return addBags(...parts, order.taxesIncluded ? zeroBag : tax);
}

export function shippingTaxTotal(line: ShippingLine): Bag {
  return sumBags(line.taxLines, (taxLine) => taxLine.price);
}

export function shippingDiscountTotal(line: ShippingLine): Bag {
  return sumBags(line.discountAllocations, (allocation) => allocation.amount);
}

export function shippingDiscountedPrice(line: ShippingLine): Bag {
  return subtractBags(line.price, shippingDiscountTotal(line));
}

export function lineDutiesTotal(line: LineItem): Bag {
  return sumBags(line.duties, (duty) => duty.price);
}

interface MoneyTotals {
  received: Bag;
  refunded: Bag;
  capturable: Bag;
}

function moneyTotals(transactions: readonly Transaction[]): MoneyTotals {
  const succeeded = transactions.filter((transaction) => transaction.status === 'success');
  const ofKind = (...kinds: string[]) => succeeded.filter((transaction) => kinds.includes(transaction.kind));
  const received = sumBags(ofKind('sale', 'capture'), (transaction) => transaction.amount);
  const refunded = sumBags(ofKind('refund'), (transaction) => transaction.amount);
  const capturable = sumBags(ofKind('authorization'), (authorization) =>
    remainingAuthorization(transactions, authorization),
  );
  return { received, refunded, capturable };
}

/** An authorization minus its captures; nothing once voided. */
export function remainingAuthorization(
  transactions: readonly Transaction[],
  authorization: Transaction,
): Bag {
  const children = transactions.filter(
    (transaction) => transaction.parentId === authorization.id && transaction.status === 'success',
  );
  if (children.some((transaction) => transaction.kind === 'void')) return zeroBag;
  const captured = sumBags(
    children.filter((transaction) => transaction.kind === 'capture'),
    (transaction) => transaction.amount,
  );
  const left = subtractBags(authorization.amount, captured);
  return left.presentment > 0 ? left : zeroBag;
}

function isRefundable(order: Order, currentShipping: Bag): boolean {
  if (order.lineItems.some((line) => lineItemQuantities(order, line).refundableQuantity > 0)) return true;
  if (currentShipping.presentment > 0) return true;
  return order.transactions.some((transaction) => maximumRefundable(order, transaction).presentment > 0);
}
