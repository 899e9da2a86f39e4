import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { Order, Refund } from '../../domain/order.ts';
import type { RefundDocumentsInput, RefundSettings } from '../../rules/refund-decision.ts';
import { documentDateOf, type ExchangeRate } from '../../rules/sales-document.ts';
import { findLinkedDocumentsOfOrders } from '../documents/documents-repository.ts';
import { findItemsForOrders } from '../documents/load-document-inputs.ts';
import { findExchangeRate, findExchangeRates, rateKey } from '../exchange-rates/find-exchange-rate.ts';
import { documentsStateOf } from './order-documents-state.ts';

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

/** Everything refundDocuments takes from the books for one refund: a batch of one. */
export async function refundInputs(
  trx: Kysely<Database>,
  input: { shop: Shop; order: Order; refund: Refund },
): Promise<RefundBooksInputs> {
  const [inputs] = await refundInputsForRefunds(trx, { shop: input.shop, refunds: [input] });
  return inputs!;
}

/**
 * refundInputs for many refunds in a constant number of statements (a batch of refunds): inputs i
 * are what refundInputs would read for refund i now. The caller books refunds of one order in
 * separate reads, so each sees what the one before wrote.
 */
export async function refundInputsForRefunds(
  trx: Kysely<Database>,
  input: { shop: Shop; refunds: readonly { order: Order; refund: Refund }[] },
): Promise<RefundBooksInputs[]> {
  const { shop, refunds } = input;
  if (refunds.length === 0) return [];
  const orders = refunds.map(({ order }) => order);
  const linked = await findLinkedDocumentsOfOrders(
    trx,
    shop.code,
    orders.map((order) => order.shopifyId),
  );
  const items = await findItemsForOrders(trx, orders);
  const rateWanted = ({ order, refund }: { order: Order; refund: Refund }) => ({
    currency: order.shopCurrency,
    date: documentDateOf(refund.createdAt, shop.timeZone),
  });
  const foreign = refunds.filter(({ order }) => order.shopCurrency !== shop.localCurrency);
  const rates = await findExchangeRates(trx, foreign.map(rateWanted));
  return refunds.map((entry, index) => {
    const state = documentsStateOf(linked.get(entry.order.shopifyId) ?? [], items[index]!);
    if (entry.order.shopCurrency === shop.localCurrency) return { ...state, exchangeRate: null };
    const { currency, date } = rateWanted(entry);
    return { ...state, exchangeRate: rates.get(rateKey(currency, date)) ?? null };
  });
}
