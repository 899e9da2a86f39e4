import type { FinancialStatus, Order } from '../model/order.ts';
import { orderTotals } from './order-totals.ts';

/**
 * The financial status Shopify derives from an order's money. An explicit status given at
 * REST creation is kept (Shopify's recorded POST orders.json returns "paid" for an order
 * without transactions) until money moves again.
 */
export function financialStatus(order: Order): FinancialStatus {
  if (order.financialStatusOverride) return order.financialStatusOverride;
  const totals = orderTotals(order);
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
export function displayFinancialStatus(order: Order): string {
  return financialStatus(order).toUpperCase();
}
