/**
 * Which fulfillment order line items a posted shipment fulfills in Shopify (seed 002 "Synchronize
 * shipments to Shopify"). Pure: the shipment's lines and the order's fulfillment orders in, the
 * `fulfillmentCreate` calls out.
 *
 * Lines are matched by the Shopify order line they came from, never by item: so an order with
 * several lines of one product (seed 002's known limitation, e.g. "Buy X get Y" with the same
 * product twice) ships each line against its own fulfillment order line item.
 */

export interface ShipmentLineToSend {
  lineNo: number;
  salesOrderLineNo: number;
  locationCode: string | null;
  quantity: number;
  /** null: a line added in the back office, which Shopify does not have. */
  shopifyLineId: string | null;
}

export interface OpenFulfillmentOrder {
  id: string;
  /** Shopify's status, lower case: only `open` and `in_progress` can be fulfilled. */
  status: string;
  /** Shopify's numeric location id. */
  locationShopifyId: string | null;
  lines: { id: string; lineShopifyId: string; remainingQuantity: number }[];
}

export interface LocationMapping {
  /** Numeric id or GID. */
  shopifyLocationId: string;
  locationCode: string;
}

/** One `fulfillmentCreate`: fulfillment orders of one location (Shopify requires it). */
export interface FulfillmentToCreate {
  locationShopifyId: string | null;
  lineNos: number[];
  lineItemsByFulfillmentOrder: {
    fulfillmentOrderId: string;
    fulfillmentOrderLineItems: { id: string; quantity: number }[];
  }[];
}

export type FulfillmentPlan =
  | { ok: true; fulfillments: FulfillmentToCreate[]; notSendable: NotSendableLine[] }
  | { ok: false; error: { code: 'exceeds_open_quantity'; lineNo: number; message: string } };

export interface NotSendableLine {
  lineNo: number;
  reason: 'not_a_shopify_line';
  message: string;
}

/**
 * Done with: nothing can ship from these. Any other status with units left (on hold, scheduled)
 * is still tried after the open ones: Shopify then refuses it with its own message, which is kept
 * on the shipment for the operator (the hold is released in Shopify, the next run sends it).
 */
const finished = ['closed', 'cancelled', 'incomplete'];
const fulfillable = ['open', 'in_progress'];

export function planFulfillments(input: {
  shipmentNo: string;
  orderName: string;
  lines: readonly ShipmentLineToSend[];
  fulfillmentOrders: readonly OpenFulfillmentOrder[];
  locationMappings: readonly LocationMapping[];
}): FulfillmentPlan {
  const left = new Map<string, number>();
  for (const fo of input.fulfillmentOrders)
    for (const line of fo.lines) left.set(line.id, line.remainingQuantity);
  const byLocation = new Map<string | null, FulfillmentToCreate>();
  const notSendable: NotSendableLine[] = [];
  for (const line of input.lines) {
    if (line.shopifyLineId === null) {
      // seed 002 "Add a new item. Post shipment.": "New lines aren't added."
      notSendable.push({
        lineNo: line.lineNo,
        reason: 'not_a_shopify_line',
        message: `Shipment ${input.shipmentNo} line ${line.lineNo} (sales order line ${line.salesOrderLineNo}) is not a line of Shopify order ${input.orderName}; it is not sent`,
      });
      continue;
    }
    const candidates = [...input.fulfillmentOrders]
      .filter((fo) => !finished.includes(fo.status))
      .sort((a, b) => Number(fulfillable.includes(b.status)) - Number(fulfillable.includes(a.status)))
      .flatMap((fo) =>
        fo.lines
          .filter((l) => l.lineShopifyId === line.shopifyLineId && (left.get(l.id) ?? 0) > 0)
          .map((l) => ({ fo, foLine: l })),
      );
    const locations = [...new Set(candidates.map((c) => c.fo.locationShopifyId))];
    // seed 002 "Change the location to another location. Post shipment.": "Fulfillment location
    // from Shopify is used": our line's location first, else wherever Shopify holds the units.
    const ours = mappedLocations(input.locationMappings, line.locationCode);
    locations.sort((a, b) => Number(ours.has(b ?? '')) - Number(ours.has(a ?? '')));
    const location = locations.find(
      (loc) =>
        sum(candidates.filter((c) => c.fo.locationShopifyId === loc).map((c) => left.get(c.foLine.id)!)) >=
        line.quantity,
    );
    if (location === undefined) {
      const open = sum(candidates.map((c) => left.get(c.foLine.id)!));
      return {
        ok: false,
        error: {
          code: 'exceeds_open_quantity',
          lineNo: line.lineNo,
          message:
            `Shipment ${input.shipmentNo} line ${line.lineNo} ships ${line.quantity} of Shopify order ${input.orderName} ` +
            `line ${line.shopifyLineId}, but Shopify has ${open} of it left to fulfil at one location`,
        },
      };
    }
    const group = byLocation.get(location) ?? {
      locationShopifyId: location,
      lineNos: [],
      lineItemsByFulfillmentOrder: [],
    };
    byLocation.set(location, group);
    group.lineNos.push(line.lineNo);
    let wanted = line.quantity;
    for (const { fo, foLine } of candidates.filter((c) => c.fo.locationShopifyId === location)) {
      const take = Math.min(wanted, left.get(foLine.id)!);
      if (take === 0) continue;
      left.set(foLine.id, left.get(foLine.id)! - take);
      wanted -= take;
      let entry = group.lineItemsByFulfillmentOrder.find((e) => e.fulfillmentOrderId === fo.id);
      if (!entry) {
        entry = { fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [] };
        group.lineItemsByFulfillmentOrder.push(entry);
      }
      const item = entry.fulfillmentOrderLineItems.find((i) => i.id === foLine.id);
      if (item) item.quantity += take;
      else entry.fulfillmentOrderLineItems.push({ id: foLine.id, quantity: take });
    }
  }
  return { ok: true, fulfillments: [...byLocation.values()], notSendable };
}

function mappedLocations(mappings: readonly LocationMapping[], code: string | null): Set<string> {
  return new Set(
    mappings.filter((m) => m.locationCode === code).map((m) => m.shopifyLocationId.split('/').pop()!),
  );
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** A fulfillment as the order shows it, to recognise one we created but did not record. */
export interface ExistingFulfillment {
  shopifyId: string;
  status: string;
  createdAt: string;
  trackingNumber: string | null;
  lines: { lineShopifyId: string; quantity: number }[];
}

/**
 * The fulfillments a shipment's earlier attempt created when we died after Shopify answered
 * (Shopify keeps no reference of ours on a fulfillment): created since the attempt began, not
 * recorded on any shipment, with the shipment's tracking number, and each of its order lines
 * shipped in exactly the quantity the shipment's unsent lines of that order line hold.
 * Returns the fulfillment id per shipment line no.
 */
export function recogniseSentFulfillments(input: {
  attemptStartedAt: string;
  trackingNumber: string | null;
  unsentLines: readonly ShipmentLineToSend[];
  fulfillments: readonly ExistingFulfillment[];
  recordedFulfillmentIds: ReadonlySet<string>;
}): Map<number, string> {
  const found = new Map<number, string>();
  // Shopify's createdAt has whole seconds: the attempt's own second counts.
  const since = Math.floor(Date.parse(input.attemptStartedAt) / 1000) * 1000;
  for (const fulfillment of input.fulfillments) {
    if (fulfillment.status === 'cancelled' || input.recordedFulfillmentIds.has(fulfillment.shopifyId))
      continue;
    if (Date.parse(fulfillment.createdAt) < since) continue;
    if ((fulfillment.trackingNumber ?? null) !== (input.trackingNumber ?? null)) continue;
    const open = input.unsentLines.filter((l) => !found.has(l.lineNo));
    const matches = fulfillment.lines.every(
      (fl) =>
        sum(open.filter((l) => l.shopifyLineId === fl.lineShopifyId).map((l) => l.quantity)) === fl.quantity,
    );
    if (!matches || fulfillment.lines.length === 0) continue;
    for (const fl of fulfillment.lines)
      for (const l of open.filter((o) => o.shopifyLineId === fl.lineShopifyId))
        found.set(l.lineNo, fulfillment.shopifyId);
  }
  return found;
}
