import type { Order, OrderLine, Refund } from '../domain/order.ts';

/**
 * What an order edited in Shopify after its import does to storebridge: seed 002 "Effect of order
 * editing", the "In Shopify" table, as data. Rows are the seed's edits; columns the two states of
 * the order in storebridge (documents not yet created / already created).
 */
export type SeedEdit =
  | 'fulfillment_location_changed'
  | 'quantity_increased'
  | 'quantity_decreased'
  | 'item_removed'
  | 'item_added'
  | 'processed_in_shopify'
  | 'paid_order_cancelled'
  | 'unpaid_order_cancelled';

/** Changes the seed's table does not list; storebridge's own rows, kept apart from the seed's. */
export type OtherChange = 'refunded' | 'header_changed';

export type OrderChangeKind = SeedEdit | OtherChange;

/**
 * - `take_new_state`: the mirror takes the new order; documents still to be created use it.
 * - `update_header`: the mirror takes the new order; existing documents stay as they are.
 * - `mark_conflict`: the mirror takes the new order and is marked conflict with `conflictMessage`.
 */
export type ChangeAction = 'take_new_state' | 'update_header' | 'mark_conflict';

export interface ChangeEffect {
  action: ChangeAction;
  /** The edit came with a Shopify refund of zero amount that cannot become a credit memo. */
  zeroAmountRefund: boolean;
  /** The seed's words for the effect. */
  seed: string;
}

const conflict: ChangeEffect = {
  action: 'mark_conflict',
  zeroAmountRefund: false,
  seed: 'Connector detects the change and marks the orders.',
};

export const orderChangeEffects: Record<
  OrderChangeKind,
  { notProcessed: ChangeEffect; processed: ChangeEffect }
> = {
  fulfillment_location_changed: {
    notProcessed: effect('take_new_state', false, 'Fulfillment location is synched.'),
    processed: effect('update_header', false, 'Fulfillment location is synched.'),
  },
  quantity_increased: {
    notProcessed: effect('take_new_state', false, 'Imported order uses the new quantity.'),
    processed: conflict,
  },
  quantity_decreased: {
    notProcessed: effect(
      'take_new_state',
      true,
      "Imported order uses the new quantity. A Shopify refund with zero amount is imported that can't be converted to a credit memo.",
    ),
    processed: conflict,
  },
  item_removed: {
    notProcessed: effect(
      'take_new_state',
      true,
      "Removed item isn't imported. A Shopify refund with zero amount is imported that can't be converted to a credit memo.",
    ),
    processed: conflict,
  },
  item_added: {
    notProcessed: effect('take_new_state', false, 'Original and added items are imported.'),
    processed: conflict,
  },
  processed_in_shopify: {
    notProcessed: effect('update_header', false, 'Order header is updated.'),
    processed: effect(
      'update_header',
      false,
      "Order header is updated. The fulfillment isn't synchronized with Shopify.",
    ),
  },
  paid_order_cancelled: {
    notProcessed: effect('update_header', false, 'Order header is updated, to be processed separately.'),
    processed: conflict,
  },
  unpaid_order_cancelled: {
    notProcessed: effect(
      'take_new_state',
      true,
      "Removed item isn't imported. A Shopify refund with zero amount is imported that can't be converted to a credit memo.",
    ),
    processed: conflict,
  },
  // Not in the seed's table. A refund is processed on its own (seed 002 "Returns and refunds"),
  // so it never conflicts with the order's documents; notes and tags are header data (seed 002:
  // "force reimport of a specific order if you modify it—for example, by adding Notes or Tag").
  refunded: {
    notProcessed: effect('update_header', false, 'Refund imported, processed separately.'),
    processed: effect('update_header', false, 'Refund imported, processed separately.'),
  },
  header_changed: {
    notProcessed: effect('update_header', false, 'Order header is updated.'),
    processed: effect('update_header', false, 'Order header is updated.'),
  },
};

/** seed 002's message, adapted to storebridge (the seed's "Sync order from Shopify" is `orders reimport`). */
export function conflictMessage(shopCode: string, order: { shopifyId: string; name: string }): string {
  return (
    `The order ${order.name} has already been processed in storebridge, but an edit was received from Shopify. ` +
    'Changes were not propagated to the processed documents in storebridge. ' +
    'Update the processed documents to match the data received from Shopify, ' +
    `then run "storebridge orders unlink --shop ${shopCode} --order ${order.shopifyId}" to recreate them, ` +
    `or, to force the synchronization, "storebridge orders reimport --shop ${shopCode} --order ${order.shopifyId}".`
  );
}

export type OrderUpdateDecision =
  | { action: 'no_change'; changes: [] }
  | { action: ChangeAction; changes: OrderChangeKind[]; effects: ChangeEffect[] };

const strength: Record<ChangeAction, number> = { update_header: 0, take_new_state: 1, mark_conflict: 2 };

/**
 * What a newer version of an imported order does: the changes found, and the strongest effect
 * among them (a conflict wins over a new state, which wins over a header update).
 * `ownAttributeKey` is the attribute storebridge writes itself (the document no.); a version that
 * differs only by it is no change, so the write-back does not cause a re-import loop.
 */
export function decideOrderUpdate(input: {
  previous: Order;
  next: Order;
  processed: boolean;
  ownAttributeKey: string;
}): OrderUpdateDecision {
  const changes = detectOrderChanges(input.previous, input.next, input.ownAttributeKey);
  if (changes.length === 0) return { action: 'no_change', changes: [] };
  const effects = changes.map(
    (kind) => orderChangeEffects[kind][input.processed ? 'processed' : 'notProcessed'],
  );
  const action = effects.reduce<ChangeAction>(
    (strongest, e) => (strength[e.action] > strength[strongest] ? e.action : strongest),
    'update_header',
  );
  return { action, changes, effects };
}

/** The changes between two versions of one order, in the seed table's order. */
export function detectOrderChanges(previous: Order, next: Order, ownAttributeKey: string): OrderChangeKind[] {
  const found = new Set<OrderChangeKind>();
  const newRefunds = next.refunds.filter((r) => !previous.refunds.some((p) => p.shopifyId === r.shopifyId));
  if (previous.cancelledAt === null && next.cancelledAt !== null) {
    found.add(wasPaid(previous) ? 'paid_order_cancelled' : 'unpaid_order_cancelled');
  } else {
    for (const kind of lineChanges(previous, next, newRefunds)) found.add(kind);
  }
  if (fulfillmentLocationChanged(previous, next)) found.add('fulfillment_location_changed');
  if (processedInShopify(previous, next)) found.add('processed_in_shopify');
  if (newRefunds.some((r) => refundConversion(r).convertible)) found.add('refunded');
  if (found.size === 0 && !sameOrder(previous, next, ownAttributeKey)) found.add('header_changed');
  return [...found];
}

function lineChanges(previous: Order, next: Order, newRefunds: Refund[]): OrderChangeKind[] {
  const kinds: OrderChangeKind[] = [];
  for (const line of next.lines) {
    const before = previous.lines.find((l) => l.shopifyId === line.shopifyId);
    if (!before) {
      kinds.push('item_added');
      continue;
    }
    const decrease = before.currentQuantity - line.currentQuantity - refundedWithMoney(newRefunds, line);
    if (line.currentQuantity > before.currentQuantity) kinds.push('quantity_increased');
    else if (decrease > 0) kinds.push(line.currentQuantity === 0 ? 'item_removed' : 'quantity_decreased');
  }
  return kinds;
}

/** Units of a line that left the order through a real refund (money or goods back), not an edit. */
function refundedWithMoney(refunds: Refund[], line: OrderLine): number {
  return refunds
    .filter((refund) => refundConversion(refund).convertible)
    .flatMap((refund) => refund.lines)
    .filter((refundLine) => refundLine.lineShopifyId === line.shopifyId)
    .reduce((total, refundLine) => total + refundLine.quantity, 0);
}

function wasPaid(order: Order): boolean {
  return ['paid', 'partially_paid', 'partially_refunded'].includes(order.financialStatus ?? '');
}

function fulfillmentLocationChanged(previous: Order, next: Order): boolean {
  const before = new Map(previous.fulfillmentOrders.map((fo) => [fo.shopifyId, fo.locationShopifyId]));
  const moved = next.fulfillmentOrders.some(
    (fo) => before.has(fo.shopifyId) && before.get(fo.shopifyId) !== fo.locationShopifyId,
  );
  const knownLocations = new Set(before.values());
  const addedLines = next.lines.some((line) => !previous.lines.some((l) => l.shopifyId === line.shopifyId));
  const newPlace = next.fulfillmentOrders.some(
    (fo) => !before.has(fo.shopifyId) && !knownLocations.has(fo.locationShopifyId),
  );
  return moved || (newPlace && !addedLines);
}

function processedInShopify(previous: Order, next: Order): boolean {
  return (
    previous.financialStatus !== next.financialStatus ||
    previous.fulfillmentStatus !== next.fulfillmentStatus ||
    previous.fulfillments.length !== next.fulfillments.length ||
    previous.transactions.length !== next.transactions.length
  );
}

/** Equal but for updatedAt and storebridge's own attribute (key order ignored: orders stored before migration 0020 come back in jsonb's key order). */
function sameOrder(previous: Order, next: Order, ownAttributeKey: string): boolean {
  const comparable = (order: Order) =>
    canonical({
      ...order,
      updatedAt: null,
      customAttributes: order.customAttributes.filter((a) => a.key !== ownAttributeKey),
    });
  return comparable(previous) === comparable(next);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export type RefundConversion =
  { convertible: true } | { convertible: false; reason: 'zero_amount_from_edit' | 'nothing_refunded' };

/**
 * Whether a refund can become a credit memo. seed 002: an edit that lowers a quantity or removes
 * an item (and the cancellation of an unpaid order) brings "a Shopify refund with zero amount ...
 * that can't be converted to a credit memo": no money and no goods coming back (restock `cancel`
 * or `no_restock`, no return). A zero-amount refund of returned goods (restock `return`, or a
 * return) stays convertible: seed 004 4.5 makes it a zero-amount inventory credit memo.
 */
export function refundConversion(refund: Refund): RefundConversion {
  if (refund.totalRefunded.shop.minor !== 0 || refund.adjustments.some((a) => a.amount.shop.minor !== 0)) {
    return { convertible: true };
  }
  if (refund.lines.length === 0) return { convertible: false, reason: 'nothing_refunded' };
  const goodsBack =
    refund.returnShopifyId !== null ||
    refund.lines.some((line) => line.restockType === 'return' || line.restockType === 'legacy_restock');
  return goodsBack ? { convertible: true } : { convertible: false, reason: 'zero_amount_from_edit' };
}

function effect(action: ChangeAction, zeroAmountRefund: boolean, seed: string): ChangeEffect {
  return { action, zeroAmountRefund, seed };
}
