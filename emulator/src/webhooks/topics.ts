/**
 * Webhook topics the emulator derives from changes to the shop, with the
 * `WebhookSubscriptionTopic` enum value of each (2025-01 schema). A subscription may name any
 * enum value, as Shopify allows; only these topics are ever delivered.
 */
export const emittedTopics = {
  ORDERS_CREATE: 'orders/create',
  ORDERS_UPDATED: 'orders/updated',
  ORDERS_PAID: 'orders/paid',
  ORDERS_CANCELLED: 'orders/cancelled',
  ORDERS_FULFILLED: 'orders/fulfilled',
  ORDERS_PARTIALLY_FULFILLED: 'orders/partially_fulfilled',
  ORDERS_EDITED: 'orders/edited',
  ORDERS_DELETE: 'orders/delete',
  REFUNDS_CREATE: 'refunds/create',
  ORDER_TRANSACTIONS_CREATE: 'order_transactions/create',
  FULFILLMENTS_CREATE: 'fulfillments/create',
  FULFILLMENTS_UPDATE: 'fulfillments/update',
  RETURNS_REQUEST: 'returns/request',
  RETURNS_APPROVE: 'returns/approve',
  RETURNS_DECLINE: 'returns/decline',
  RETURNS_CANCEL: 'returns/cancel',
  RETURNS_CLOSE: 'returns/close',
  RETURNS_REOPEN: 'returns/reopen',
  INVENTORY_LEVELS_UPDATE: 'inventory_levels/update',
  BULK_OPERATIONS_FINISH: 'bulk_operations/finish',
} as const;

export type TopicEnum = keyof typeof emittedTopics;
export type Topic = (typeof emittedTopics)[TopicEnum];

const enumByTopic = new Map<string, string>(
  Object.entries(emittedTopics).map(([value, topic]) => [topic, value]),
);

/** `orders/create` for `ORDERS_CREATE`; any other enum value maps to its lower-case form. */
export function topicOfEnum(value: string): string {
  return (emittedTopics as Record<string, string>)[value] ?? value.toLowerCase();
}

/** `ORDERS_CREATE` for `orders/create` (subscriptions are stored by enum value). */
export function enumOfTopic(topic: string): string | undefined {
  return enumByTopic.get(topic);
}
