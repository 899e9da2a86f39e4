export { previewRefund } from './preview-refund.ts';
export { createAgentRefund, normaliseRefundRequest, type AgentRefund } from './create-refund.ts';
export {
  cancelAgentOrder,
  cancelReasons,
  type AgentCancellation,
  type CancelRequest,
} from './cancel-order.ts';
export { markAgentOrderAsPaid, type AgentMarkAsPaid } from './mark-order-as-paid.ts';
export { discrepancyReasons, restockChoices, type RefundRequest } from './refund-choice.ts';
export type { RefundPreview } from './refund-plan.ts';
export { previewJson, type RefundPreviewJson } from './refund-json.ts';
export type { OutboundDeps } from './outbound-deps.ts';
export type { OutboundOutcome } from './send-once.ts';
export { OrderNotCancellableError, OrderNotPendingPaymentError } from './errors.ts';
export { registerRefundActionRoutes } from './http-routes.ts';
