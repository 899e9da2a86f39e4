export {
  createShopifyClient,
  type ClientDependencies,
  type ShopifyClient,
  type ShopifyConnection,
  type ShopifyResult,
} from './client.ts';
export * from './errors.ts';
export {
  ThrottleGovernor,
  type CostBudget,
  type QueryCost,
  type SharedCostBudget,
  type ThrottleStatus,
} from './throttle.ts';
/**
 * One Shopify throttle bucket per shop for every worker, kept in the database: each worker
 * creates its client with `{ budget: createSharedBudget(db, shopDomain) }` (one budget per shop
 * and process is enough; any number of them share the row), and N workers together stay within
 * Shopify's bucket. Without it a client paces by its own `ThrottleGovernor`.
 */
export { createSharedBudget, SharedBudget, type SharedBudgetOptions } from './shared-budget.ts';
export type { AnyCostBudget } from './pacing.ts';
export type { OperationName } from './operations.ts';
export type { FetchedOrder, FetchedOrderPage } from './fetched-order.ts';
export {
  fetchChangedOrders,
  defaultOrdersPageSize,
  type FetchChangedOrdersOptions,
} from './fetch-changed-orders.ts';
export { fetchOrder } from './fetch-order.ts';
export { countChangedOrders } from './count-changed-orders.ts';
export { exportOrdersInBulk, type ExportOrdersOptions } from './export-orders-in-bulk.ts';
export { mapOrder } from './map/map-order.ts';
export { setOrderAttribute, type SetOrderAttributeResult } from './set-order-attribute.ts';
export { resolveOrderRef, type OrderRef } from './resolve-order-ref.ts';
export { fetchInventoryLevels } from './fetch-inventory-levels.ts';
export { mapInventoryLevel, type ShopifyInventoryLevel } from './map/map-inventory-level.ts';
export {
  listWebhookSubscriptions,
  createWebhookSubscription,
  updateWebhookSubscription,
  deleteWebhookSubscription,
  ShopifyWebhookSubscriptionError,
  type WebhookDestination,
  type WebhookFormat,
  type WebhookSubscriptionState,
} from './webhook-subscriptions.ts';
export * from './webhooks/index.ts';
export type { RequestOptions } from './client.ts';
export {
  suggestRefund,
  type RefundChoice,
  type RestockChoice,
  type SuggestedRefund,
} from './suggest-refund.ts';
export {
  createRefund,
  type CreateRefundAnswer,
  type DiscrepancyReason,
  type RefundToCreate,
  type ShopifyUserErrorDetail,
} from './create-refund.ts';
export {
  cancelOrder,
  type CancelOrderAnswer,
  type CancelReason,
  type OrderToCancel,
} from './cancel-order.ts';
export { markOrderAsPaid, type MarkAsPaidAnswer } from './mark-order-as-paid.ts';
export { closeOrder, type CloseOrderAnswer } from './close-order.ts';
export { supportsIdempotentDirective } from './idempotent-directive.ts';
export * from './fulfillments/index.ts';
export {
  completeInvoiceDraftOrder,
  createInvoiceDraftOrder,
  findInvoiceDraftOrder,
  fulfillInvoiceOrder,
  type InvoiceDraftOrder,
  type InvoiceDraftOrderInput,
} from './invoice-orders.ts';
