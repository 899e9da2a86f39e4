export {
  documentNoAttributeKey,
  type BooksPort,
  type DocumentSummary,
  type FetchedOrder,
  type FetchedOrderPage,
  type OrderSource,
  type SalesDocumentsOutcome,
  type SyncDeps,
} from './ports.ts';
export { stageOrders, type StageOptions, type StageSummary } from './stage-orders.ts';
export { importStagedOrder, type ImportOptions, type ImportResult } from './import-staged-order.ts';
export { importStagedOrders } from './import-staged-orders.ts';
export { syncOrders, type SyncPhase, type SyncProgress, type SyncSummary } from './sync-orders.ts';
export { processRefunds, type RefundResult } from './process-refunds.ts';
export { listImportedRefunds } from './list-refunds.ts';
export {
  reconcileOrders,
  reconciliationJson,
  summaryLine,
  type ReconcileOptions,
  type ReconciliationReport,
} from './reconcile-orders.ts';
export type { DifferenceCause, ExpectedReason, Finding } from '../rules/reconciliation.ts';
export { refundStatuses, type ImportedRefund, type RefundStatus } from './refund-repository.ts';
export { previewOrders, type PreviewEntry } from './preview-orders.ts';
export { reimportOrder } from './reimport-order.ts';
export { unlinkOrder } from './unlink-order.ts';
export { excludeStagedOrders } from './exclude-staged-orders.ts';
export { listOrdersToImport, showImportedOrder } from './list-orders.ts';
export { parseOrderRef, resolveOrderId } from './resolve-order.ts';
export type { StagedOrder } from './staging-repository.ts';
export { syncDeps, shopifyOrderSource } from './runtime-deps.ts';
export { registerSyncRoutes, type SyncRoutesDeps } from './http-routes.ts';
export { registerWebhookRoutes, type WebhookRoutesDeps } from './webhook-routes.ts';
export { type OnWebhookReceipt, type ReceiptOutcome } from './receive-webhook.ts';
export { receiveWebhook } from './receive-webhook-group.ts';
export { syncOneOrder, type OrderSyncOutcome } from './sync-one-order.ts';
export { pruneWebhookReceipts } from './webhook-receipts-repository.ts';
export {
  actions as attentionActions,
  attentionKinds,
  type AttentionAction,
  type AttentionItem,
  type AttentionKind,
} from './attention-items.ts';
export { findOrderNames, listSyncAttention, type SyncAttentionOptions } from './list-sync-attention.ts';
export { SyncRuns, type SyncRunEvent } from './sync-runs.ts';
export { syncActivity, maxActivityDays, type DayActivity, type ShopSyncState } from './sync-activity.ts';
export { showOrderPicture, type ReconciliationStatus } from './show-order-picture.ts';
