import type { Order } from '../domain/order.ts';

/**
 * seed 002's edit table, "Cancel paid order": the order is "to be processed separately". A
 * cancelled order is documented like any order imported after its refunds (the lines' current
 * quantities, the tip it kept, the shipping not paid back) as long as Shopify still charges
 * anything for it: an agent may refund less than everything (seed 001 "Refund Payments"), and a
 * tip stays unless refunded by hand. With nothing left (the usual full cancellation, or an unpaid
 * order) it never gets a sales document, and its refunds only pay the money back.
 */
export function cancelledWithNothingLeft(order: Order): boolean {
  return (
    order.cancelledAt !== null &&
    order.totals.currentTotalPrice.shop.minor === 0 &&
    !order.lines.some((line) => line.currentQuantity > 0)
  );
}
