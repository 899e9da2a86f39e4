import type { Address, Order } from '../domain/order.ts';
import { equals, formatMoney, type Money } from '../money/index.ts';
import type { ShopSettings } from '../shops/index.ts';
import {
  commentLine,
  giftCardLine,
  itemLine,
  shipmentMapping,
  shippingLine,
  tipLine,
  type DraftLine,
  type ItemForLine,
  type LineDraft,
  type LineProblem,
} from './sales-document-lines.ts';
import { documentTotals } from './document-totals.ts';
import { localDate } from './local-date.ts';

export { currentAmounts, lineLocation, sameShopifyId } from './sales-document-lines.ts';
export type { DraftLine, ItemForLine, LineType } from './sales-document-lines.ts';

/**
 * The sales document an order becomes (seed 002 "Create sales documents in Business Central"):
 * its type, header and lines. Pure: items, the customer and the exchange rate are looked up
 * beforehand (src/books does that and persists the result).
 */
export type DocumentType = 'sales_order' | 'sales_invoice' | 'cash_sale';

export type SalesDocumentSettings = Pick<
  ShopSettings,
  | 'code'
  | 'localCurrency'
  | 'shopCurrency'
  | 'timeZone'
  | 'fulfilledOrderDocument'
  | 'autoReleaseSalesOrders'
  | 'shopifyOrderNoOnDocumentLine'
  | 'taxAreaPriority'
  | 'accounts'
  | 'shipmentMethodMappings'
  | 'locationMappings'
>;

export interface ExchangeRate {
  currency: string;
  startingDate: string;
  /** Local currency per one unit of `currency`, a decimal string ("1.0850"). */
  rate: string;
}

export interface SalesDocumentInput {
  order: Order;
  settings: SalesDocumentSettings;
  /** Items found for the order's SKUs; a SKU missing here is not mapped. */
  itemsBySku: ReadonlyMap<string, ItemForLine>;
  /** The chosen customer; null when it is still to be created (its no. comes when it is). */
  customer: { no: string | null; billingAddress: Address | null };
  /** The rate valid on the document date for the shop currency, when one exists. */
  exchangeRate: ExchangeRate | null;
}

export interface DocumentDraft {
  type: DocumentType;
  status: 'open' | 'released';
  shopCode: string;
  shopifyOrderId: string;
  shopifyOrderName: string;
  customerNo: string | null;
  currency: string;
  exchangeRate: string | null;
  documentDate: string;
  shipmentMethodCode: string | null;
  shippingAgentCode: string | null;
  shippingAgentServiceCode: string | null;
  taxAreaCode: string | null;
  lines: DraftLine[];
  amount: Money;
  taxAmount: Money;
  amountIncludingTax: Money;
}

export type DocumentErrorCode =
  | 'item_not_mapped'
  | 'customer_not_found'
  | 'exchange_rate_missing'
  | 'account_not_set'
  | 'shop_currency_mismatch'
  | 'amounts_do_not_reconcile'
  | 'nothing_to_document';

export interface DocumentError {
  code: DocumentErrorCode;
  message: string;
}

export type SalesDocumentOutcome =
  { ok: true; document: DocumentDraft } | { ok: false; error: DocumentError };

/**
 * seed 002: an order that still needs fulfilment becomes a sales order; a fulfilled one (already
 * handled in Shopify, or gift cards only) a sales invoice, or a cash sale where the shop says so
 * (seed 000 imports orders as cash sales).
 */
export function documentTypeOf(
  order: Order,
  settings: Pick<SalesDocumentSettings, 'fulfilledOrderDocument'>,
): DocumentType {
  const needsFulfilment = order.lines.some(
    (line) => !line.isGiftCard && line.currentQuantity > 0 && line.unfulfilledQuantity > 0,
  );
  return needsFulfilment ? 'sales_order' : settings.fulfilledOrderDocument;
}

/** seed 002 "Time zone consideration": the document date is processedAt's date in the shop's zone. */
export function documentDateOf(processedAt: string, timeZone: string): string {
  return localDate(processedAt, timeZone);
}

export function salesDocument(input: SalesDocumentInput): SalesDocumentOutcome {
  const { order, settings } = input;
  const currencyProblem = checkCurrency(input);
  if (currencyProblem) return { ok: false, error: currencyProblem };
  const drafts = documentLines(input);
  if ('code' in drafts) return { ok: false, error: drafts };
  if (!drafts.some((line) => line.type !== 'comment'))
    return fail('nothing_to_document', `Order ${order.name} has nothing left to put on a document`);
  const type = documentTypeOf(order, settings);
  const status = type === 'sales_order' && settings.autoReleaseSalesOrders ? 'released' : 'open';
  const lines = drafts.map(({ reservesStock, ...line }, index) => ({
    ...line,
    lineNo: index + 1,
    releasedQuantity: status === 'released' && reservesStock ? line.quantity : 0,
  }));
  const document = { ...header(input, type, status), lines, ...documentTotals(lines, order.shopCurrency) };
  return reconcile(order, document);
}

function checkCurrency({ order, settings, exchangeRate }: SalesDocumentInput): DocumentError | null {
  const expected = settings.shopCurrency ?? settings.localCurrency;
  // seed 002: documents use the store currency, never the buyer's presentment currency.
  if (order.shopCurrency !== expected)
    return {
      code: 'shop_currency_mismatch',
      message: `Order ${order.name} is in ${order.shopCurrency} but shop ${settings.code} is set up for ${expected} (shopCurrency)`,
    };
  if (order.shopCurrency === settings.localCurrency || exchangeRate?.currency === order.shopCurrency)
    return null;
  const date = documentDateOf(order.processedAt, settings.timeZone);
  return {
    code: 'exchange_rate_missing',
    message: `No exchange rate for ${order.shopCurrency} valid on ${date} (order ${order.name}); import one with storebridge exchange-rates import`,
  };
}

function documentLines(input: SalesDocumentInput): LineDraft[] | LineProblem {
  const { order, settings } = input;
  const lines: LineDraft[] = settings.shopifyOrderNoOnDocumentLine ? [commentLine(order)] : [];
  const missing: string[] = [];
  order.lines.forEach((line, index) => {
    // seed 002 "Edit an order and remove existing item": a removed item isn't imported.
    if (line.currentQuantity <= 0) return;
    if (line.isGiftCard) {
      const account = settings.accounts.soldGiftCard;
      if (account === undefined)
        return missing.push(`accounts.soldGiftCard is not set: needed for gift card "${line.title}"`);
      return lines.push(giftCardLine(order, line, account));
    }
    const item = line.sku === null ? undefined : input.itemsBySku.get(line.sku);
    if (!item) return missing.push(unmappedItem(order, line.sku, line.title, index + 1));
    lines.push(itemLine(order, line, item, settings));
  });
  if (missing.length > 0) return problem(missing);
  const extras = [
    ...order.shippingLines.filter(charged).map((l) => shippingLine(order, l, settings)),
    tipLine(order, settings),
  ];
  const problems = extras.filter((e): e is LineProblem => e !== null && 'code' in e);
  if (problems.length > 0)
    return { code: 'account_not_set', message: problems.map((p) => p.message).join('; ') };
  return [...lines, ...extras.filter((e): e is LineDraft => e !== null && !('code' in e))];
}

function unmappedItem(order: Order, sku: string | null, title: string, lineNo: number): string {
  return sku === null
    ? `Line ${lineNo} "${title}" of order ${order.name} has no SKU, so no item can be found for it`
    : `Item with SKU "${sku}" (order ${order.name}, line ${lineNo} "${title}") is not mapped`;
}

function problem(messages: string[]): LineProblem {
  const code = messages.every((m) => m.startsWith('accounts.')) ? 'account_not_set' : 'item_not_mapped';
  return { code, message: messages.join('; ') };
}

/** A removed shipping line is kept by Shopify for the record only; a free one has nothing to post. */
function charged(line: Order['shippingLines'][number]): boolean {
  return (
    !line.isRemoved && (line.price.shop.minor !== 0 || line.taxLines.some((t) => t.amount.shop.minor !== 0))
  );
}

function header(input: SalesDocumentInput, type: DocumentType, status: 'open' | 'released') {
  const { order, settings } = input;
  // seed 002: with several shipping charges, the first one sets the header's method and agent.
  const first = order.shippingLines.find((line) => !line.isRemoved);
  const mapping = first ? shipmentMapping(first, settings) : undefined;
  return {
    type,
    status,
    shopCode: settings.code,
    shopifyOrderId: order.shopifyId,
    shopifyOrderName: order.name,
    customerNo: input.customer.no,
    currency: order.shopCurrency,
    exchangeRate: order.shopCurrency === settings.localCurrency ? null : (input.exchangeRate?.rate ?? null),
    documentDate: documentDateOf(order.processedAt, settings.timeZone),
    shipmentMethodCode: mapping?.shipmentMethodCode ?? null,
    shippingAgentCode: mapping?.shippingAgentCode ?? null,
    shippingAgentServiceCode: mapping?.shippingAgentServiceCode ?? null,
    taxAreaCode: taxAreaCode(input),
  };
}

/** seed 002 "Tax area priority": the first address source that has an address gives the area. */
function taxAreaCode({ order, settings, customer }: SalesDocumentInput): string | null {
  const sources: Record<string, Address | null> = {
    ship_to: order.shippingAddress,
    sell_to: customer.billingAddress,
    bill_to: order.billingAddress,
  };
  for (const source of settings.taxAreaPriority) {
    const address = sources[source];
    if (address?.countryCode)
      return address.province ? `${address.countryCode}-${address.province}` : address.countryCode;
  }
  return null;
}

/**
 * The identity every document keeps: amount including tax == Shopify's current total price
 * (items after edits and refunds, shipping, tips and gift cards sold, tax). Gift cards applied
 * are payments and do not reduce it (seed 002 "Gift cards"). A difference means the order holds
 * something the rules do not model (duties, say): refused rather than booked wrong.
 */
function reconcile(order: Order, document: DocumentDraft): SalesDocumentOutcome {
  const expected = order.totals.currentTotalPrice.shop;
  if (equals(document.amountIncludingTax, expected)) return { ok: true, document };
  const got = formatMoney(document.amountIncludingTax);
  return fail(
    'amounts_do_not_reconcile',
    `Order ${order.name}: document lines total ${got} ${expected.currency} but Shopify's current total is ${formatMoney(expected)}`,
  );
}

function fail(code: DocumentErrorCode, message: string): SalesDocumentOutcome {
  return { ok: false, error: { code, message } };
}
