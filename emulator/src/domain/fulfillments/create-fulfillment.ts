import { inventoryMoves, moveItemAt } from '../catalog/inventory.ts';
import { fail } from '../errors.ts';
import type {
  Fulfillment,
  FulfillmentLineItem,
  FulfillmentOrder,
  TrackingInfo,
} from '../model/fulfillment.ts';
import type { Order } from '../model/order.ts';
import type { ShopState } from '../state.ts';
import { getFulfillmentOrder, settleFulfillmentOrderStatus } from './fulfillment-orders.ts';

export interface TrackingInput {
  number?: string | null;
  url?: string | null;
  company?: string | null;
  numbers?: string[];
  urls?: string[];
}

export interface FulfillmentInput {
  lineItemsByFulfillmentOrder: {
    fulfillmentOrderId: number;
    /** Omitted: every remaining unit of the fulfillment order. */
    fulfillmentOrderLineItems?: { id: number; quantity: number }[];
  }[];
  trackingInfo?: TrackingInput | null;
  notifyCustomer?: boolean;
  message?: string | null;
}

const fulfillableStatuses = ['open', 'in_progress'];

/** Ships units of one order's fulfillment orders (GraphQL fulfillmentCreate / REST POST fulfillments.json). */
export function createFulfillment(state: ShopState, input: FulfillmentInput): Fulfillment {
  if (input.lineItemsByFulfillmentOrder.length === 0) {
    fail('Line items by fulfillment order must not be empty', ['fulfillment', 'lineItemsByFulfillmentOrder']);
  }
  const picked = input.lineItemsByFulfillmentOrder.map((entry) => ({
    ...getFulfillmentOrder(state, entry.fulfillmentOrderId),
    requested: entry.fulfillmentOrderLineItems,
  }));
  const order = picked[0]!.order;
  if (order.cancelledAt !== null) fail('Cannot fulfill a cancelled order.', ['fulfillment']);
  if (picked.some((entry) => entry.order.id !== order.id)) {
    fail('All fulfillment orders must belong to the same order.', ['fulfillment']);
  }
  const lineItems = picked.flatMap((entry) => unitsToShip(state, entry.fulfillmentOrder, entry.requested));
  if (lineItems.length === 0) fail('Fulfillment order has no fulfillable line items.', ['fulfillment']);
  const locationId = picked[0]!.fulfillmentOrder.assignedLocationId;
  return shipUnits(state, order, lineItems, locationId, input);
}

function unitsToShip(
  state: ShopState,
  fulfillmentOrder: FulfillmentOrder,
  requested: { id: number; quantity: number }[] | undefined,
): FulfillmentLineItem[] {
  if (!fulfillableStatuses.includes(fulfillmentOrder.status)) {
    fail(
      `Fulfillment order ${fulfillmentOrder.id} has an unfulfillable status= ${fulfillmentOrder.status}.`,
      ['fulfillment'],
    );
  }
  const wanted =
    requested ??
    fulfillmentOrder.lineItems.map((item) => ({ id: item.id, quantity: item.fulfillableQuantity }));
  return wanted
    .filter((entry) => entry.quantity > 0)
    .map((entry) => {
      const item = fulfillmentOrder.lineItems.find((candidate) => candidate.id === entry.id);
      if (!item || entry.quantity > item.fulfillableQuantity) {
        fail('Invalid fulfillment order line item quantity requested.', ['fulfillment']);
      }
      return {
        id: state.nextId(),
        lineItemId: item.lineItemId,
        fulfillmentOrderId: fulfillmentOrder.id,
        fulfillmentOrderLineItemId: item.id,
        quantity: entry.quantity,
      };
    });
}

function shipUnits(
  state: ShopState,
  order: Order,
  lineItems: FulfillmentLineItem[],
  locationId: number,
  input: Omit<FulfillmentInput, 'lineItemsByFulfillmentOrder'>,
): Fulfillment {
  const now = state.now();
  const fulfillment: Fulfillment = {
    id: state.nextId(),
    orderId: order.id,
    name: `${order.name}.${order.fulfillments.length + 1}`,
    status: 'success',
    locationId,
    service: 'manual',
    shipmentStatus: null,
    tracking: trackingFrom(input.trackingInfo),
    notifyCustomer: input.notifyCustomer ?? false,
    message: input.message ?? null,
    lineItems,
    createdAt: now,
    updatedAt: now,
  };
  for (const item of lineItems) takeFromFulfillmentOrder(state, order, item);
  order.fulfillments.push(fulfillment);
  order.updatedAt = now;
  return fulfillment;
}

function takeFromFulfillmentOrder(state: ShopState, order: Order, item: FulfillmentLineItem): void {
  const fulfillmentOrder = order.fulfillmentOrders.find(
    (candidate) => candidate.id === item.fulfillmentOrderId,
  );
  const foLine = fulfillmentOrder?.lineItems.find(
    (candidate) => candidate.id === item.fulfillmentOrderLineItemId,
  );
  if (!fulfillmentOrder || !foLine) return;
  foLine.fulfillableQuantity -= item.quantity;
  settleFulfillmentOrderStatus(state, fulfillmentOrder);
  if (order.inventoryBehaviour !== 'bypass') {
    const line = order.lineItems.find((candidate) => candidate.id === item.lineItemId);
    moveItemAt(
      state,
      line?.inventoryItemId ?? null,
      fulfillmentOrder.assignedLocationId,
      inventoryMoves.ship(item.quantity),
    );
  }
}

export function trackingFrom(input: TrackingInput | null | undefined): TrackingInfo[] {
  if (!input) return [];
  const numbers = input.numbers ?? (input.number ? [input.number] : []);
  const urls = input.urls ?? (input.url ? [input.url] : []);
  const count = Math.max(numbers.length, urls.length, input.company ? 1 : 0);
  return Array.from({ length: count }, (_, index) => ({
    company: input.company ?? null,
    number: numbers[index] ?? null,
    url: urls[index] ?? null,
  }));
}

/** Order created with fulfillment_status "fulfilled": every fulfillment order ships at once. */
export function fulfillAllUnits(
  state: ShopState,
  order: Order,
  hint?: { tracking_number?: string; tracking_company?: string },
) {
  const open = order.fulfillmentOrders.filter((fulfillmentOrder) =>
    fulfillableStatuses.includes(fulfillmentOrder.status),
  );
  if (open.length === 0) return undefined;
  return createFulfillment(state, {
    lineItemsByFulfillmentOrder: open.map((fulfillmentOrder) => ({
      fulfillmentOrderId: fulfillmentOrder.id,
    })),
    trackingInfo: hint?.tracking_number
      ? { number: hint.tracking_number, company: hint.tracking_company ?? null }
      : null,
  });
}
