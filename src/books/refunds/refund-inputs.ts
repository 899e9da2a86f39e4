import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { Order, Refund } from '../../domain/order.ts';
import type { RefundDocumentsInput, RefundSettings } from '../../rules/refund-decision.ts';
import { documentDateOf, type ExchangeRate } from '../../rules/sales-document.ts';
import { findExchangeRate } from '../exchange-rates/find-exchange-rate.ts';
import { orderDocumentsState } from './order-documents-state.ts';

type Shop = Pick<RefundSettings, 'code' | 'localCurrency' | 'timeZone'>;

/**
 * The rate refund documents need (docs/refunds.md `exchangeRate`): for the shop currency on the
 * refund's date in the shop's time zone (seed 002 "Time zone consideration"), the latest starting
 * on or before it; null when the order is in the local currency or no rate exists (the rule then
 * answers `exchange_rate_missing`, naming currency and date).
 */
export async function refundExchangeRate(
  trx: Kysely<Database>,
  input: { shop: Shop; order: Order; refund: Refund },
): Promise<ExchangeRate | null> {
  const { shop, order, refund } = input;
  if (order.shopCurrency === shop.localCurrency) return null;
  return findExchangeRate(trx, order.shopCurrency, documentDateOf(refund.createdAt, shop.timeZone));
}

export type RefundBooksInputs = Pick<
  RefundDocumentsInput,
  'documents' | 'reflectedRefundIds' | 'itemsBySku' | 'exchangeRate'
>;

/** Everything refundDocuments takes from the books for one refund: orderDocumentsState and the rate. */
export async function refundInputs(
  trx: Kysely<Database>,
  input: { shop: Shop; order: Order; refund: Refund },
): Promise<RefundBooksInputs> {
  const { shop, order } = input;
  const state = await orderDocumentsState(trx, {
    shopCode: shop.code,
    shopifyOrderId: order.shopifyId,
    order,
  });
  return { ...state, exchangeRate: await refundExchangeRate(trx, input) };
}
