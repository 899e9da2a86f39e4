import { findOrder, type ShopState } from '../../domain/index.ts';
import type { DetectedEvent } from '../detect-events.ts';
import { orderEditPayload } from './order-edit-payload.ts';
import { deletedOrderPayload, orderPayload } from './order-payload.ts';
import {
  fulfillmentPayload,
  inventoryLevelPayload,
  refundPayload,
  transactionPayload,
} from './record-payloads.ts';
import { returnPayload } from './return-payload.ts';

/**
 * The JSON body of a topic, built when the event happens: Shopify retries with the original
 * payload from the time the webhook was triggered (changelog "Updates to webhook retry
 * mechanism", 2024-09-10). null when the record is gone.
 */
export function buildPayload(state: ShopState, event: DetectedEvent): unknown {
  const subject = event.subject;
  if (subject.kind === 'inventory') {
    return inventoryLevelPayload(state, subject.inventoryItemId, subject.locationId);
  }
  if (subject.kind === 'deleted-order') return deletedOrderPayload(subject.orderId);
  const order = findOrder(state, subject.orderId);
  if (!order) return null;
  switch (subject.kind) {
    case 'order':
      return orderPayload(state, order);
    case 'refund':
      return refundPayload(state, order, subject.refundId);
    case 'transaction':
      return transactionPayload(state, order, subject.transactionId);
    case 'fulfillment':
      return fulfillmentPayload(state, order, subject.fulfillmentId);
    case 'return':
      return returnPayload(order, subject.returnId, event.topic);
    case 'edit':
      return orderEditPayload(state, order, subject.editId, subject.before, subject.after);
  }
}
