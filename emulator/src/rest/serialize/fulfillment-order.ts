import { formatShopTime, getLocation, type FulfillmentOrder, type Order, type ShopState } from './deps.ts';

const supportedActions: Readonly<Record<string, string[]>> = {
  open: ['create_fulfillment', 'hold', 'cancel_fulfillment_order'],
  in_progress: ['create_fulfillment', 'hold', 'close'],
  on_hold: ['release_hold'],
  scheduled: ['mark_as_open'],
  closed: [],
  cancelled: [],
  incomplete: [],
};

/** REST fulfillment_order (GET orders/{id}/fulfillment_orders.json). */
export function restFulfillmentOrder(state: ShopState, order: Order, fulfillmentOrder: FulfillmentOrder) {
  const location = getLocation(state, fulfillmentOrder.assignedLocationId);
  const destination = order.shippingAddress;
  return {
    id: fulfillmentOrder.id,
    created_at: formatShopTime(state, fulfillmentOrder.createdAt),
    updated_at: formatShopTime(state, fulfillmentOrder.updatedAt),
    shop_id: state.data.shop.id,
    order_id: order.id,
    assigned_location_id: fulfillmentOrder.assignedLocationId,
    request_status: fulfillmentOrder.requestStatus,
    status: fulfillmentOrder.status,
    fulfill_at: formatShopTime(state, fulfillmentOrder.fulfillAt),
    fulfill_by: formatShopTime(state, fulfillmentOrder.fulfillBy),
    supported_actions: supportedActions[fulfillmentOrder.status] ?? [],
    destination: destination && {
      id: fulfillmentOrder.id,
      address1: destination.address1,
      address2: destination.address2,
      city: destination.city,
      company: destination.company,
      country: destination.country,
      email: order.email,
      first_name: destination.firstName,
      last_name: destination.lastName,
      phone: destination.phone,
      province: destination.province,
      zip: destination.zip,
    },
    line_items: fulfillmentOrder.lineItems.map((item) => ({
      id: item.id,
      shop_id: state.data.shop.id,
      fulfillment_order_id: fulfillmentOrder.id,
      quantity: item.totalQuantity,
      line_item_id: item.lineItemId,
      inventory_item_id: item.inventoryItemId,
      fulfillable_quantity: item.fulfillableQuantity,
      variant_id: item.variantId,
    })),
    international_duties: null,
    fulfillment_holds: fulfillmentOrder.holds.map((hold) => ({
      reason: hold.reason,
      reason_notes: hold.reasonNotes,
    })),
    delivery_method: null,
    assigned_location: {
      address1: location.address.address1,
      address2: location.address.address2,
      city: location.address.city,
      country_code: location.address.countryCode,
      location_id: location.id,
      name: location.name,
      phone: location.address.phone,
      province: location.address.province,
      zip: location.address.zip,
    },
    merchant_requests: [],
  };
}
