import {
  maximumRefundable,
  orderCurrencies,
  type Order,
  type ShopState,
  type Transaction,
} from '../../domain/index.ts';
import { gid } from '../gid.ts';
import { moneyBag } from './money.ts';
import { orderView } from './order-view.ts';

/** Shopify's display names for its own gateways; others are title-cased ("cash" -> "Cash"). */
export function formattedGateway(gateway: string): string {
  if (gateway === 'shopify_payments') return 'Shopify Payments';
  return gateway
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

const refundableKinds = new Set(['capture', 'sale']);

/** Computed and linked fields are methods (see lineItemView), resolved when selected. */
export function transactionView(
  state: ShopState,
  order: Order,
  transaction: Transaction,
): Record<string, unknown> {
  const currencies = orderCurrencies(order);
  return {
    __typename: 'OrderTransaction',
    id: gid('OrderTransaction', transaction.id),
    kind: transaction.kind.toUpperCase(),
    status: transaction.status.toUpperCase(),
    gateway: transaction.gateway,
    formattedGateway: formattedGateway(transaction.gateway),
    amountSet: moneyBag(transaction.amount, currencies),
    // Only settled money can be refunded: captures and sales (OrderTransaction.maximumRefundableV2 doc).
    maximumRefundableV2() {
      return refundableKinds.has(transaction.kind) && transaction.status === 'success'
        ? moneyBag(maximumRefundable(order, transaction), currencies).presentmentMoney
        : null;
    },
    totalUnsettledSet: null,
    createdAt: transaction.createdAt,
    processedAt: transaction.processedAt,
    test: transaction.test,
    errorCode: transaction.errorCode ? transaction.errorCode.toUpperCase() : null,
    authorizationCode: transaction.authorization,
    paymentId: transaction.paymentId,
    accountNumber: transaction.creditCard?.number ?? null,
    manualPaymentGateway: transaction.manualPaymentGateway,
    parentTransaction() {
      const parent = order.transactions.find((t) => t.id === transaction.parentId);
      return parent ? transactionView(state, order, parent) : null;
    },
    order() {
      return orderView(state, order);
    },
  };
}
