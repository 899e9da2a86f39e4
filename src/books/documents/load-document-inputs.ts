import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { Order } from '../../domain/order.ts';
import { findItemsBySkus, type Item } from '../../masterdata/index.ts';
import {
  documentDateOf,
  type ExchangeRate,
  type ItemForLine,
  type SalesDocumentSettings,
} from '../../rules/sales-document.ts';
import type { CustomerChoiceSettings } from '../../rules/choose-customer.ts';
import { findExchangeRates, rateKey } from '../exchange-rates/find-exchange-rate.ts';
import { loadBatchCustomers, type BatchCustomers } from './batch-customers.ts';

type Db = Kysely<Database>;
type Settings = SalesDocumentSettings & CustomerChoiceSettings;

/** An order to document, with seed 002's operator fixes for a missing customer. */
export interface OrderToDocument {
  order: Order;
  /** seed 002 fix 1: an operator assigns an existing customer no. */
  customerNo?: string | undefined;
  /** seed 002 fix 2: create the customer from the order with this template. */
  customerTemplateCode?: string | undefined;
}

/** Everything the rules need for a batch of orders, read up front: one statement per kind. */
export interface DocumentInputs {
  customers: BatchCustomers;
  /** The items the order's SKUs point at; SKUs without an item are simply absent. */
  itemsFor(order: Order): Map<string, ItemForLine>;
  /** The rate for the shop currency on the document date; null in local currency or when none exists. */
  rateFor(order: Order): ExchangeRate | null;
}

export async function loadDocumentInputs(
  db: Db,
  shop: Settings,
  entries: readonly OrderToDocument[],
): Promise<DocumentInputs> {
  const orders = entries.map((entry) => entry.order);
  const items = await findItemsBySkus(db, [...new Set(orders.flatMap(skusOf))]);
  const foreign = orders.filter((order) => order.shopCurrency !== shop.localCurrency);
  const rates = await findExchangeRates(
    db,
    foreign.map((order) => rateWanted(order, shop)),
  );
  const customers = await loadBatchCustomers(db, shop, {
    // An assigned customer or a forced template asks no lookup (decideCustomer).
    lookups: entries.flatMap((e) =>
      e.customerNo === undefined && e.customerTemplateCode === undefined ? [e.order] : [],
    ),
    assignedNos: entries.flatMap((e) => (e.customerNo === undefined ? [] : [e.customerNo])),
  });
  return {
    customers,
    itemsFor: (order) => itemsBySku(order, items),
    rateFor: (order) => {
      if (order.shopCurrency === shop.localCurrency) return null;
      const { currency, date } = rateWanted(order, shop);
      return rates.get(rateKey(currency, date)) ?? null;
    },
  };
}

/** The items for an order's SKUs, as the rules take them (one statement). */
export async function findItemsForOrder(db: Db, order: Order): Promise<Map<string, ItemForLine>> {
  return itemsBySku(order, await findItemsBySkus(db, [...new Set(skusOf(order))]));
}

/** findItemsForOrder for many orders in one statement: each order's items, in the order given. */
export async function findItemsForOrders(
  db: Db,
  orders: readonly Order[],
): Promise<Map<string, ItemForLine>[]> {
  const items = await findItemsBySkus(db, [...new Set(orders.flatMap(skusOf))]);
  return orders.map((order) => itemsBySku(order, items));
}

/** Gift cards sold are G/L lines: their SKUs are not items. */
function skusOf(order: Order): string[] {
  return order.lines.flatMap((line) => (line.sku && !line.isGiftCard ? [line.sku] : []));
}

function itemsBySku(order: Order, items: ReadonlyMap<string, Item>): Map<string, ItemForLine> {
  const found = new Map<string, ItemForLine>();
  for (const sku of skusOf(order)) {
    const item = items.get(sku);
    if (item) found.set(sku, { no: item.no, description: item.description, type: item.type });
  }
  return found;
}

function rateWanted(order: Order, shop: Settings): { currency: string; date: string } {
  return { currency: order.shopCurrency, date: documentDateOf(order.processedAt, shop.timeZone) };
}
