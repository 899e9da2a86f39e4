import type { FinancialStatus, Order } from '../model/order.ts';
import { orderTotals, type OrderTotals } from './order-totals.ts';

/**
 * The financial status Shopify derives from an order's money. An explicit status given at
 * REST creation is kept (Shopify's recorded POST orders.json returns "paid" for an order
 * without transactions) until money moves again.
 */
export function financialStatus(order: Order, totalsOf?: () => OrderTotals): FinancialStatus {
  if (order.financialStatusOverride) return order.financialStatusOverride;
  // `totalsOf`: the caller's totals of this order, when it has them (GraphQL's order view).
  const totals = totalsOf ? totalsOf() : orderTotals(order);
  const received = totals.totalReceived.presentment;
  const refunded = totals.totalRefunded.presentment;
  if (refunded > 0) return refunded >= received ? 'refunded' : 'partially_refunded';
  if (received > 0) return received >= totals.currentTotalPrice.presentment ? 'paid' : 'partially_paid';
  if (totals.totalCapturable.presentment > 0) return 'authorized';
  if (hasVoidedAuthorization(order)) return 'voided';
  if (totals.currentTotalPrice.presentment <= 0) return 'paid';
  return 'pending';
}

function hasVoidedAuthorization(order: Order): boolean {
  return order.transactions.some(
    (transaction) => transaction.kind === 'void' && transaction.status === 'success',
  );
}

/** GraphQL displayFinancialStatus. */
export function displayFinancialStatus(order: Order, totalsOf?: () => OrderTotals): string {
  return financialStatus(order, totalsOf).toUpperCase();
}
