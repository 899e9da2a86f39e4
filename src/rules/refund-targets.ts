import type { Order, Refund, RefundLine } from '../domain/order.ts';
import type { RefundProblem, RefundSettings } from './refund-decision.ts';
import { isRestocked, type RefundPart } from './refund-parts.ts';
import { lineLocation, sameShopifyId, type ItemForLine } from './sales-document.ts';

/** What a refund document line is posted to: an item at a location, a G/L account or an item charge. */
export interface LineTarget {
  type: 'item' | 'gl_account' | 'item_charge';
  no: string;
  locationCode: string | null;
  /** An inventory item: its units move in stock (services and accounts do not). */
  stocked: boolean;
}

export interface TargetContext {
  order: Order;
  refund: Refund;
  settings: RefundSettings;
  itemsBySku: ReadonlyMap<string, ItemForLine>;
}

/**
 * seed 002's credit memo table, one row per reason: restocked products are items at the return
 * location; products not restocked go to the refund account for non-restocked items; gift cards
 * to the sold gift card account; shipping to its shipment method mapping or the shipping charges
 * account; everything else (duties, discrepancies, tips, manual amounts) to the refund account.
 * Exchange items are items at the location Shopify ships them from.
 */
export function targetOf(context: TargetContext, part: RefundPart): LineTarget | RefundProblem {
  const { settings } = context;
  switch (part.reason) {
    case 'restocked':
      return itemTarget(context, part, returnLocation(context.refund, part.refundLine!, settings));
    case 'exchange_item':
      return itemTarget(context, part, lineLocation(context.order, part.shopifyLineId!, settings));
    case 'not_restocked':
      return account(
        settings.accounts.refundNonRestockItems,
        'accounts.refundNonRestockItems',
        context,
        part,
      );
    case 'gift_card':
      return account(settings.accounts.soldGiftCard, 'accounts.soldGiftCard', context, part);
    case 'shipping':
      return shippingTarget(context, part);
    case 'duties':
    case 'refund_discrepancy':
    case 'other_amount':
      return account(settings.accounts.refund, 'accounts.refund', context, part);
  }
}

function itemTarget(
  context: TargetContext,
  part: RefundPart,
  locationCode: string | null,
): LineTarget | RefundProblem {
  const item = itemOf(context, part);
  if ('code' in item) return item;
  return { type: 'item', no: item.no, locationCode, stocked: item.type === 'inventory' };
}

/** The item of a part's order line by SKU, or `item_not_mapped` naming SKU, order and line. */
export function itemOf(context: TargetContext, part: RefundPart): ItemForLine | RefundProblem {
  const line = part.orderLine!;
  const item = line.sku === null ? undefined : context.itemsBySku.get(line.sku);
  if (item) return item;
  const lineNo = context.order.lines.indexOf(line) + 1;
  return {
    code: 'item_not_mapped',
    field: part.field,
    message:
      line.sku === null
        ? `Line ${lineNo} "${line.title}" of order ${context.order.name} has no SKU, so no item can be found for it`
        : `Item with SKU "${line.sku}" (order ${context.order.name}, line ${lineNo} "${line.title}") is not mapped`,
  };
}

function account(
  no: string | undefined,
  setting: string,
  context: TargetContext,
  part: RefundPart,
): LineTarget | RefundProblem {
  if (no !== undefined) return { type: 'gl_account', no, locationCode: null, stocked: false };
  return {
    code: 'account_not_set',
    field: setting,
    message: `${setting} is not set: needed for "${part.description}" (${part.field}) of refund ${context.refund.shopifyId} on order ${context.order.name}`,
  };
}

/** seed 002 "Shipment method mapping": the mapping's own charges line, else the shipping charges account. */
function shippingTarget(context: TargetContext, part: RefundPart): LineTarget | RefundProblem {
  const { settings } = context;
  const title = part.shippingLine?.title.trim().toLowerCase();
  const mapping = settings.shipmentMethodMappings.find((m) => m.shopifyTitle.toLowerCase() === title);
  if (mapping?.chargesType && mapping.chargesNo) {
    const location =
      mapping.chargesType === 'item'
        ? (settings.locationMappings.find((m) => m.isDefault)?.locationCode ?? null)
        : null;
    return { type: mapping.chargesType, no: mapping.chargesNo, locationCode: location, stocked: false };
  }
  return account(settings.accounts.shippingCharges, 'accounts.shippingCharges', context, part);
}

/**
 * seed 002 "Return Location Priority": `default_return_location` always takes the shop's default
 * return location (blank included: "The return locations, including blank locations, ... are
 * used"); `original_then_default` takes the location Shopify restocked at, mapped, and falls back
 * to the default when there is none, it is not mapped, or "an item is restocked in several
 * locations" within the refund.
 */
export function returnLocation(refund: Refund, line: RefundLine, settings: RefundSettings): string | null {
  const fallback = settings.defaultReturnLocation ?? null;
  if (settings.returnLocationPriority === 'default_return_location') return fallback;
  const places = new Set(
    refund.lines
      .filter((l) => l.lineShopifyId === line.lineShopifyId && isRestocked(l))
      .map((l) => l.locationShopifyId),
  );
  const original = line.locationShopifyId;
  if (places.size !== 1 || original === null) return fallback;
  const mapped = settings.locationMappings.find((m) => sameShopifyId(m.shopifyLocationId, original));
  return mapped?.locationCode ?? fallback;
}
