import { addressFromRest } from '../catalog/address.ts';
import { findCustomer } from '../catalog/customers.ts';
import { fail } from '../errors.ts';
import type { CustomAttribute, Order } from '../model/order.ts';
import type { ShopState } from '../state.ts';
import type { RestAddressInput } from './order-input.ts';
import { orderTags } from './order-attributes.ts';
import { getOrder } from './query-orders.ts';

export interface OrderPatch {
  tags?: string | string[];
  note?: string | null;
  customAttributes?: CustomAttribute[];
  email?: string | null;
  phone?: string | null;
  buyerAcceptsMarketing?: boolean;
  shippingAddress?: RestAddressInput | null;
  /** null detaches the customer (REST PUT {"customer": null}). */
  customerId?: number | null;
}

/** orderUpdate / REST PUT: only the editable attributes; allowed on cancelled orders too. */
export function updateOrder(state: ShopState, orderId: number, patch: OrderPatch): Order {
  const order = getOrder(state, orderId);
  if (patch.customerId !== undefined && patch.customerId !== null && !findCustomer(state, patch.customerId)) {
    fail('Customer does not exist', ['customer']);
  }
  if (patch.tags !== undefined) order.tags = orderTags(patch.tags);
  if (patch.note !== undefined) order.note = patch.note;
  if (patch.customAttributes !== undefined) order.customAttributes = patch.customAttributes;
  if (patch.email !== undefined) order.email = patch.email;
  if (patch.phone !== undefined) order.phone = patch.phone;
  if (patch.buyerAcceptsMarketing !== undefined) order.buyerAcceptsMarketing = patch.buyerAcceptsMarketing;
  if (patch.shippingAddress !== undefined) order.shippingAddress = mergeAddress(order, patch.shippingAddress);
  if (patch.customerId !== undefined) order.customerId = patch.customerId;
  order.updatedAt = state.now();
  return order;
}

/** REST PUT with a partial shipping_address changes only the given fields. */
function mergeAddress(order: Order, patch: RestAddressInput | null) {
  if (patch === null) return null;
  const given = addressFromRest(patch)!;
  if (!order.shippingAddress) return given;
  const merged = { ...order.shippingAddress };
  for (const [key, value] of Object.entries(given) as [keyof typeof merged, never][]) {
    if (value !== null) merged[key] = value;
  }
  return merged;
}

export function addTags(state: ShopState, orderId: number, tags: string[]): Order {
  const order = getOrder(state, orderId);
  order.tags = orderTags([...order.tags, ...tags]);
  order.updatedAt = state.now();
  return order;
}

export function removeTags(state: ShopState, orderId: number, tags: string[]): Order {
  const order = getOrder(state, orderId);
  const removed = new Set(tags.map((tag) => tag.trim().toLowerCase()));
  order.tags = order.tags.filter((tag) => !removed.has(tag.toLowerCase()));
  order.updatedAt = state.now();
  return order;
}
