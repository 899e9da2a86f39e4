import {
  type Fulfillment,
  type FulfillmentLineItem,
  type FulfillmentOrder,
  lineDiscountedTotal,
  type Order,
  orderCurrencies,
  type ShopState,
  unitsSlice,
} from '../../domain/index.ts';
import { byId, firstOf, paginate, type ConnectionArgs } from '../connection.ts';
import { gid } from '../gid.ts';
import { locationView, variantView } from './catalog-view.ts';
import { moneyBag } from './money.ts';
import { lineItemView } from './order-lines-view.ts';
import { orderView } from './order-view.ts';

/** What the merchant may do next (FulfillmentOrder.supportedActions doc), by status. */
const actions: Record<string, string[]> = {
  open: ['CREATE_FULFILLMENT', 'MOVE', 'HOLD', 'REQUEST_FULFILLMENT'],
  in_progress: ['CREATE_FULFILLMENT', 'MOVE', 'HOLD'],
  on_hold: ['RELEASE_HOLD'],
  scheduled: ['MARK_AS_OPEN'],
};

/*
 * Linked objects and amounts are methods, resolved when selected (often only `lineItem { id }`
 * or `location { legacyResourceId }` is): see lineItemView on methods rather than arrows.
 */
export function fulfillmentOrderView(
  state: ShopState,
  order: Order,
  fo: FulfillmentOrder,
): Record<string, unknown> {
  const location = state.data.locations.find((l) => l.id === fo.assignedLocationId);
  const shipTo = order.shippingAddress;
  return {
    __typename: 'FulfillmentOrder',
    id: gid('FulfillmentOrder', fo.id),
    status: fo.status.toUpperCase(),
    requestStatus: fo.requestStatus.toUpperCase(),
    createdAt: fo.createdAt,
    updatedAt: fo.updatedAt,
    fulfillAt: fo.fulfillAt,
    order() {
      return orderView(state, order);
    },
    orderId: gid('Order', order.id),
    orderName: order.name,
    orderProcessedAt: order.processedAt,
    assignedLocation: {
      name: location?.name ?? '',
      address1: location?.address.address1 ?? null,
      address2: location?.address.address2 ?? null,
      city: location?.address.city ?? null,
      province: location?.address.province ?? null,
      zip: location?.address.zip ?? null,
      // Every Shopify location has a country; emulator locations made without one sit in the US.
      countryCode: location?.address.countryCode ?? 'US',
      phone: location?.address.phone ?? null,
      location() {
        return location ? locationView(state, location) : null;
      },
    },
    destination: shipTo && {
      id: gid('FulfillmentOrderDestination', fo.id),
      firstName: shipTo.firstName,
      lastName: shipTo.lastName,
      company: shipTo.company,
      address1: shipTo.address1,
      address2: shipTo.address2,
      city: shipTo.city,
      province: shipTo.province,
      zip: shipTo.zip,
      countryCode: shipTo.countryCode,
      email: order.email,
      phone: shipTo.phone,
    },
    lineItems(args: ConnectionArgs) {
      return paginate(fo.lineItems, args, byId, (item) => {
        const line = order.lineItems.find((l) => l.id === item.lineItemId);
        return {
          id: gid('FulfillmentOrderLineItem', item.id),
          lineItem() {
            return line ? lineItemView(state, order, line) : null;
          },
          totalQuantity: item.totalQuantity,
          remainingQuantity: item.fulfillableQuantity,
          sku: line?.sku ?? null,
          productTitle: line?.title ?? '',
          variantTitle: line?.variantTitle ?? null,
          vendor: line?.vendor ?? null,
          requiresShipping: line?.requiresShipping ?? true,
          inventoryItemId: item.inventoryItemId === null ? null : gid('InventoryItem', item.inventoryItemId),
          variant() {
            const product = state.data.products.find((p) => p.variants.some((v) => v.id === item.variantId));
            const variant = product?.variants.find((v) => v.id === item.variantId);
            return product && variant ? variantView(state, product, variant) : null;
          },
        };
      });
    },
    fulfillments(args: ConnectionArgs) {
      const made = order.fulfillments.filter((f) => f.lineItems.some((l) => l.fulfillmentOrderId === fo.id));
      return paginate(made, args, byId, (f) => fulfillmentView(state, order, f));
    },
    supportedActions: (actions[fo.status] ?? []).map((action) => ({ action })),
  };
}

/** displayStatus follows the carrier's shipment status when one was reported. */
function displayStatus(fulfillment: Fulfillment): string {
  if (fulfillment.status === 'cancelled') return 'CANCELED';
  if (fulfillment.status === 'failure' || fulfillment.status === 'error') return 'FAILURE';
  const shipment = fulfillment.shipmentStatus?.toUpperCase();
  const known = ['DELIVERED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'ATTEMPTED_DELIVERY', 'CONFIRMED', 'FAILURE'];
  if (shipment && known.includes(shipment)) return shipment;
  return 'FULFILLED';
}

export function fulfillmentView(
  state: ShopState,
  order: Order,
  fulfillment: Fulfillment,
): Record<string, unknown> {
  const location = state.data.locations.find((l) => l.id === fulfillment.locationId);
  return {
    __typename: 'Fulfillment',
    id: gid('Fulfillment', fulfillment.id),
    legacyResourceId: String(fulfillment.id),
    name: fulfillment.name,
    status: fulfillment.status.toUpperCase(),
    displayStatus: displayStatus(fulfillment),
    createdAt: fulfillment.createdAt,
    updatedAt: fulfillment.updatedAt,
    deliveredAt: null,
    inTransitAt: null,
    estimatedDeliveryAt: null,
    order() {
      return orderView(state, order);
    },
    location() {
      return location ? locationView(state, location) : null;
    },
    totalQuantity: fulfillment.lineItems.reduce((sum, l) => sum + l.quantity, 0),
    requiresShipping: fulfillment.lineItems.some(
      (item) => order.lineItems.find((l) => l.id === item.lineItemId)?.requiresShipping,
    ),
    trackingInfo(args: { first?: number }) {
      return firstOf(fulfillment.tracking, args.first);
    },
    fulfillmentLineItems(args: ConnectionArgs) {
      return paginate(fulfillment.lineItems, args, byId, (item) =>
        fulfillmentLineItemView(state, order, item),
      );
    },
    fulfillmentOrders(args: ConnectionArgs) {
      const from = order.fulfillmentOrders.filter((fo) =>
        fulfillment.lineItems.some((l) => l.fulfillmentOrderId === fo.id),
      );
      return paginate(from, args, byId, (fo) => fulfillmentOrderView(state, order, fo));
    },
  };
}

export function fulfillmentLineItemView(state: ShopState, order: Order, item: FulfillmentLineItem) {
  const currencies = orderCurrencies(order);
  const line = order.lineItems.find((l) => l.id === item.lineItemId);
  return {
    id: gid('FulfillmentLineItem', item.id),
    lineItem() {
      return line ? lineItemView(state, order, line) : null;
    },
    quantity: item.quantity,
    originalTotalSet() {
      return moneyBag(line && unitsSlice(line.price, 1, 0, item.quantity), currencies);
    },
    discountedTotalSet() {
      return moneyBag(
        line && unitsSlice(lineDiscountedTotal(line), line.quantity, 0, item.quantity),
        currencies,
      );
    },
  };
}
