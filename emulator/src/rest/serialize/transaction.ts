import {
  formatMinor,
  formatShopTime,
  remainingTotalUnsettled,
  type Order,
  type ShopState,
  type Transaction,
} from './deps.ts';
import { gid } from './money.ts';

/** REST transaction; `amount`/`currency` are in the presentment currency. */
/**
 * Where a transaction is shown changes its keys in Shopify's recordings: inside an order's
 * refunds it has no settlement fields; inside a refund list no currency_exchange_adjustment.
 */
export type TransactionView = 'resource' | 'in_refund' | 'in_order_refund';

const omittedKeys: Readonly<Record<TransactionView, readonly string[]>> = {
  resource: [],
  in_refund: ['currency_exchange_adjustment'],
  in_order_refund: [
    'currency_exchange_adjustment',
    'total_unsettled_set',
    'manual_payment_gateway',
    'amount_rounding',
  ],
};

export function restTransaction(
  state: ShopState,
  order: Order,
  transaction: Transaction,
  view: TransactionView = 'resource',
) {
  const full = fullTransaction(state, order, transaction);
  const omitted = new Set(omittedKeys[view]);
  return Object.fromEntries(Object.entries(full).filter(([key]) => !omitted.has(key)));
}

function paymentDetails(transaction: Transaction) {
  const card = transaction.creditCard;
  if (!card) return {};
  return {
    payment_details: {
      credit_card_bin: card.bin,
      avs_result_code: null,
      cvv_result_code: null,
      credit_card_number: card.number,
      credit_card_company: card.company,
      buyer_action_info: null,
      credit_card_name: null,
      credit_card_wallet: null,
      credit_card_expiration_month: null,
      credit_card_expiration_year: null,
      payment_method_name: card.company ? card.company.toLowerCase() : null,
    },
  };
}

function fullTransaction(state: ShopState, order: Order, transaction: Transaction) {
  const unsettled = remainingTotalUnsettled(order);
  const unsettledAmount = (minor: number, currency: string) => formatMinor(minor, currency).replace(/0$/, '');
  return {
    id: transaction.id,
    order_id: order.id,
    kind: transaction.kind,
    gateway: transaction.gateway,
    status: transaction.status,
    message: transaction.message,
    created_at: formatShopTime(state, transaction.createdAt),
    test: transaction.test,
    authorization: transaction.authorization,
    location_id: transaction.locationId,
    user_id: transaction.userId,
    parent_id: transaction.parentId,
    processed_at: formatShopTime(state, transaction.processedAt),
    device_id: transaction.deviceId,
    error_code: transaction.errorCode,
    source_name: transaction.sourceName,
    ...paymentDetails(transaction),
    receipt: transaction.receipt,
    currency_exchange_adjustment: null,
    amount: formatMinor(transaction.amount.presentment, order.presentmentCurrency),
    currency: order.presentmentCurrency,
    payment_id: transaction.paymentId,
    total_unsettled_set: {
      presentment_money: {
        amount: unsettledAmount(unsettled.presentment, order.presentmentCurrency),
        currency: order.presentmentCurrency,
      },
      shop_money: { amount: unsettledAmount(unsettled.shop, order.currency), currency: order.currency },
    },
    manual_payment_gateway: transaction.manualPaymentGateway,
    amount_rounding: null,
    admin_graphql_api_id: gid('OrderTransaction', transaction.id),
  };
}
