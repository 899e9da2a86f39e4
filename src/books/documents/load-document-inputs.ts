import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { Order } from '../../domain/order.ts';
import {
  findCustomerByBillToAddress,
  findCustomerByEmail,
  findCustomerByPhone,
  findItemsBySkus,
} from '../../masterdata/index.ts';
import type { CustomerMatches } from '../../rules/choose-customer.ts';
import { documentDateOf, type ExchangeRate, type ItemForLine } from '../../rules/sales-document.ts';
import { findLinkedCustomer } from '../customers/customer-links.ts';
import { findExchangeRate } from '../exchange-rates/find-exchange-rate.ts';

type Db = Kysely<Database>;

/** The items the order's SKUs point at; SKUs without an item are simply absent. */
export async function loadItemsBySku(db: Db, order: Order): Promise<Map<string, ItemForLine>> {
  const skus = [...new Set(order.lines.flatMap((line) => (line.sku && !line.isGiftCard ? [line.sku] : [])))];
  const items = await findItemsBySkus(db, skus);
  const found = new Map<string, ItemForLine>();
  for (const sku of skus) {
    const item = items.get(sku);
    if (item) found.set(sku, { no: item.no, description: item.description, type: item.type });
  }
  return found;
}

/** Every customer lookup seed 002's rules may ask for; the pure rule picks in its order. */
export async function loadCustomerMatches(db: Db, shopCode: string, order: Order): Promise<CustomerMatches> {
  const shopifyLink = order.company
    ? { kind: 'company' as const, shopifyId: order.company.shopifyId }
    : order.customer && { kind: 'customer' as const, shopifyId: order.customer.shopifyId };
  const email = order.customer?.email ?? order.email;
  const phone = order.customer?.phone ?? order.phone ?? order.billingAddress?.phone ?? null;
  const billTo = order.billingAddress;
  return {
    byShopifyId: shopifyLink ? await findLinkedCustomer(db, shopCode, shopifyLink) : undefined,
    byEmail: email ? (await findCustomerByEmail(db, email))?.no : undefined,
    byPhone: phone ? (await findCustomerByPhone(db, phone))?.no : undefined,
    byBillTo: billTo ? (await findCustomerByBillToAddress(db, billTo))?.no : undefined,
  };
}

/** The rate for the shop currency on the document date; null in local currency or when none exists. */
export async function loadExchangeRate(
  db: Db,
  order: Order,
  settings: { localCurrency: string; timeZone: string },
): Promise<ExchangeRate | null> {
  if (order.shopCurrency === settings.localCurrency) return null;
  return findExchangeRate(db, order.shopCurrency, documentDateOf(order.processedAt, settings.timeZone));
}
