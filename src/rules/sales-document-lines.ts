import type { Order, OrderLine, ShippingLine } from '../domain/order.ts';
import { money, subtract, sum, times, zero, type Money } from '../money/index.ts';
import type { ShopSettings } from '../shops/index.ts';

/**
 * The lines of a sales document, one builder per kind of Shopify amount (seed 002 "Set up the
 * import of orders" and "Gift cards"). Pure; amounts in the shop's money only (DESIGN.md: shop
 * and presentment money never mix in one document).
 */
export type LineType = 'item' | 'gl_account' | 'item_charge' | 'comment';

export interface DraftLine {
  lineNo: number;
  type: LineType;
  no: string | null;
  description: string;
  quantity: number;
  unitPrice: Money;
  /** Line and cart discount allocations on the units still on the order. */
  lineDiscount: Money;
  /** Excluding tax. */
  amount: Money;
  taxAmount: Money;
  locationCode: string | null;
  /** Units reserved by a released sales order (seed 004 4.6); 0 otherwise. */
  releasedQuantity: number;
  shopifyLineId: string | null;
}

export type LineDraft = Omit<DraftLine, 'lineNo' | 'releasedQuantity'> & { reservesStock: boolean };

export type LineSettings = Pick<ShopSettings, 'accounts' | 'shipmentMethodMappings' | 'locationMappings'>;

export interface ItemForLine {
  no: string;
  description: string;
  type: 'inventory' | 'service';
}

export type LineProblem =
  { code: 'item_not_mapped'; message: string } | { code: 'account_not_set'; message: string };

export interface Amounts {
  lineDiscount: Money;
  amount: Money;
  taxAmount: Money;
}

/**
 * Amounts of the units still on a line. Gross minus discounts minus what refunds (and order
 * edits, which Shopify records as refunds) took, using Shopify's own refunded figures so the
 * document meets the order's current total to the cent. With tax-included prices the tax is
 * inside the price: amount excl. tax = price x qty - discount - tax.
 */
export function currentAmounts(order: Order, gross: Money, discounted: Money, tax: Money): Amounts {
  const amount = order.taxesIncluded ? subtract(discounted, tax) : discounted;
  return { lineDiscount: subtract(gross, discounted), amount, taxAmount: tax };
}

export function itemLine(
  order: Order,
  line: OrderLine,
  item: ItemForLine,
  settings: LineSettings,
): LineDraft {
  return {
    ...orderLineFigures(order, line),
    type: 'item',
    no: item.no,
    description: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    locationCode: lineLocation(order, line.shopifyId, settings),
    reservesStock: item.type === 'inventory',
  };
}

/** seed 002: a sold gift card is a G/L line on the sold gift card account, not revenue. */
export function giftCardLine(order: Order, line: OrderLine, account: string): LineDraft {
  return {
    ...orderLineFigures(order, line),
    type: 'gl_account',
    no: account,
    description: `Gift card sold: ${line.title}`,
    locationCode: null,
    reservesStock: false,
  };
}

function orderLineFigures(order: Order, line: OrderLine) {
  const currency = order.shopCurrency;
  const refunded = order.refunds.flatMap((r) => r.lines).filter((r) => r.lineShopifyId === line.shopifyId);
  const discounts = sum(
    line.discountAllocations.map((a) => a.amount.shop),
    currency,
  );
  const discounted = subtract(
    subtract(times(line.unitPrice.shop, line.quantity), discounts),
    sum(
      refunded.map((r) => r.subtotal.shop),
      currency,
    ),
  );
  const tax = subtract(
    sum(
      line.taxLines.map((t) => t.amount.shop),
      currency,
    ),
    sum(
      refunded.map((r) => r.totalTax.shop),
      currency,
    ),
  );
  const gross = times(line.unitPrice.shop, line.currentQuantity);
  return {
    quantity: line.currentQuantity,
    unitPrice: line.unitPrice.shop,
    shopifyLineId: line.shopifyId,
    ...currentAmounts(order, gross, discounted, tax),
  };
}

/** A shipping line through its shipment method mapping, else the shipping charges account. */
export function shippingLine(
  order: Order,
  line: ShippingLine,
  settings: LineSettings,
): LineDraft | LineProblem {
  const mapping = shipmentMapping(line, settings);
  const target = mapping?.chargesType
    ? { type: mapping.chargesType, no: mapping.chargesNo ?? null }
    : { type: 'gl_account' as const, no: settings.accounts.shippingCharges ?? null };
  if (target.no === null)
    return accountNotSet('accounts.shippingCharges', `shipping "${line.title}" on order ${order.name}`);
  const currency = order.shopCurrency;
  const refunded = order.refunds
    .flatMap((r) => r.shippingLines)
    .filter((r) => r.shippingLineShopifyId === line.shopifyId);
  const discounted = subtract(
    line.discountedPrice.shop,
    sum(
      refunded.map((r) => r.subtotal.shop),
      currency,
    ),
  );
  const tax = subtract(
    sum(
      line.taxLines.map((t) => t.amount.shop),
      currency,
    ),
    sum(
      refunded.map((r) => r.tax.shop),
      currency,
    ),
  );
  return {
    type: target.type,
    no: target.no,
    description: `Shipping: ${line.title}`,
    quantity: 1,
    unitPrice: line.price.shop,
    ...currentAmounts(order, line.price.shop, discounted, tax),
    locationCode: target.type === 'item' ? defaultLocation(settings) : null,
    shopifyLineId: line.shopifyId,
    reservesStock: false,
  };
}

/** Tips are not revenue: they go to the tip account, untaxed (seed 002 "Tip account"). */
export function tipLine(order: Order, settings: LineSettings): LineDraft | LineProblem | null {
  const tip = order.totals.totalTip.shop;
  if (tip.minor === 0) return null;
  const account = settings.accounts.tip;
  if (account === undefined) return accountNotSet('accounts.tip', `the tip on order ${order.name}`);
  const none = zero(tip.currency);
  return {
    type: 'gl_account',
    no: account,
    description: 'Tip',
    quantity: 1,
    unitPrice: tip,
    lineDiscount: none,
    amount: tip,
    taxAmount: none,
    locationCode: null,
    shopifyLineId: null,
    reservesStock: false,
  };
}

/** seed 002 "Shopify Order No. on Doc. Line": a comment line with the order number. */
export function commentLine(order: Order): LineDraft {
  const none = money(0, order.shopCurrency);
  return {
    type: 'comment',
    no: null,
    description: `Shopify order ${order.name}`,
    quantity: 0,
    unitPrice: none,
    lineDiscount: none,
    amount: none,
    taxAmount: none,
    locationCode: null,
    shopifyLineId: null,
    reservesStock: false,
  };
}

export function shipmentMapping(line: ShippingLine, settings: LineSettings) {
  const title = line.title.trim().toLowerCase();
  return settings.shipmentMethodMappings.find((m) => m.shopifyTitle.toLowerCase() === title);
}

/**
 * seed 002 "Location mapping": the location Shopify assigned the line's fulfillment order to
 * (or shipped it from), mapped; the default mapping when there is none or it is not mapped.
 */
export function lineLocation(order: Order, lineShopifyId: string, settings: LineSettings): string | null {
  const shopifyLocation = shopifyLocationOfLine(order, lineShopifyId);
  const mapped =
    shopifyLocation === null
      ? undefined
      : settings.locationMappings.find((m) => sameShopifyId(m.shopifyLocationId, shopifyLocation));
  return mapped?.locationCode ?? defaultLocation(settings);
}

function shopifyLocationOfLine(order: Order, lineShopifyId: string): string | null {
  const holds = (lines: readonly { lineShopifyId: string }[]) =>
    lines.some((l) => l.lineShopifyId === lineShopifyId);
  const open = order.fulfillmentOrders.find((fo) =>
    fo.lines.some((l) => l.lineShopifyId === lineShopifyId && l.remainingQuantity > 0),
  );
  const assigned = open ?? order.fulfillmentOrders.find((fo) => holds(fo.lines));
  if (assigned?.locationShopifyId) return assigned.locationShopifyId;
  return order.fulfillments.find((f) => holds(f.lines))?.locationShopifyId ?? null;
}

function defaultLocation(settings: LineSettings): string | null {
  return settings.locationMappings.find((m) => m.isDefault)?.locationCode ?? null;
}

/** Shopify ids are opaque, but a mapping may hold the GID and the order the numeric id. */
export function sameShopifyId(a: string, b: string): boolean {
  const tail = (id: string) => /(\d+)$/.exec(id.trim())?.[1] ?? id.trim();
  return a.trim() === b.trim() || tail(a) === tail(b);
}

export function accountNotSet(setting: string, what: string): LineProblem {
  return { code: 'account_not_set', message: `${setting} is not set: needed for ${what}` };
}
