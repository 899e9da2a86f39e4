import type { Order, Refund, Transaction, TransactionStatus } from '../domain/order.ts';
import { formatMoney, sum } from '../money/index.ts';
import type { CustomerRefundDraft, DocumentRef, RefundProblem, RefundSettings } from './refund-decision.ts';
import { documentDateOf } from './sales-document.ts';

/** A refund's money movements: Shopify's refund transactions (seed 003 `transactions`, kind "refund"). */
export function refundTransactions(refund: Refund): Transaction[] {
  return refund.transactions.filter((t) => t.kind === 'refund');
}

/** Not settled yet: the refund waits until Shopify says success or failure. */
const unsettled: readonly TransactionStatus[] = ['pending', 'awaiting_response', 'unknown'];

export function isUnsettled(transaction: Transaction): boolean {
  return unsettled.includes(transaction.status);
}

export function isFailed(transaction: Transaction): boolean {
  return transaction.status === 'failure' || transaction.status === 'error';
}

export interface CustomerRefundContext {
  order: Order;
  refund: Refund;
  settings: RefundSettings;
  appliesTo: DocumentRef;
  exchangeRate: string | null;
}

/**
 * seed 000 "Import Customer Refunds": each refund paid in Shopify becomes a customer refund with
 * "Status: Paid", "Our Ref: Linked to the Cash Sale" (or invoice, or the sales order not invoiced
 * yet), "Payment Method: Shopify" (the gateway), and "Pay from" the refund pay-from account.
 * One per successful transaction; failed ones are not paid and pending ones never reach here.
 * Money refunded onto a gift card is not paid from the bank: it raises the gift card liability
 * (seed 002 "Gift cards": an applied gift card is a payment), so it is paid from that account.
 */
export function customerRefunds(context: CustomerRefundContext): CustomerRefundDraft[] | RefundProblem[] {
  const { order, refund, settings } = context;
  if (!settings.createCustomerRefunds) return [];
  const paid = refundTransactions(refund).filter((t) => t.status === 'success');
  const problems: RefundProblem[] = [];
  const drafts: CustomerRefundDraft[] = [];
  for (const transaction of paid) {
    const giftCard = transaction.gateway === 'gift_card';
    const setting = giftCard ? 'accounts.soldGiftCard' : 'accounts.refundPayFrom';
    const payFrom = giftCard ? settings.accounts.soldGiftCard : settings.accounts.refundPayFrom;
    if (payFrom === undefined) {
      problems.push({
        code: 'account_not_set',
        field: setting,
        message: `${setting} is not set: needed to pay refund transaction ${transaction.shopifyId} of refund ${refund.shopifyId} on order ${order.name}`,
      });
      continue;
    }
    drafts.push({
      kind: 'customer_refund',
      status: 'paid',
      shopCode: settings.code,
      shopifyOrderId: order.shopifyId,
      shopifyOrderName: order.name,
      shopifyRefundId: refund.shopifyId,
      shopifyTransactionId: transaction.shopifyId,
      appliesTo: context.appliesTo,
      paymentMethod: transaction.gateway ?? 'manual',
      payFromAccount: payFrom,
      paymentReference: transaction.paymentReference,
      currency: order.shopCurrency,
      exchangeRate: context.exchangeRate,
      documentDate: documentDateOf(transaction.processedAt ?? refund.createdAt, settings.timeZone),
      amount: transaction.amount.shop,
    });
  }
  return problems.length > 0 ? problems : drafts;
}

/**
 * Shopify's refunded total is the sum of the refund's successful transactions; when the two
 * disagree the customer refunds and the credit documents would not meet, so nothing is written.
 */
export function checkRefundedTotal(order: Order, refund: Refund): RefundProblem | null {
  const paid = sum(
    refundTransactions(refund)
      .filter((t) => t.status === 'success')
      .map((t) => t.amount.shop),
    order.shopCurrency,
  );
  const total = refund.totalRefunded.shop;
  if (paid.minor === total.minor && paid.currency === total.currency) return null;
  return {
    code: 'amounts_do_not_reconcile',
    field: 'refund.totalRefunded',
    message: `Refund ${refund.shopifyId} of order ${order.name}: its successful transactions total ${formatMoney(paid)} ${paid.currency} but Shopify's refunded total is ${formatMoney(total)} ${total.currency}`,
  };
}
