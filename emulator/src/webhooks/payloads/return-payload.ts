import type { Order, Return } from '../../domain/index.ts';
import { gid } from '../../rest/serialize/money.ts';

/**
 * Return topics (metadatas/2025-10/returns/*.json): request and approve send the return with
 * its lines; decline adds the decline; close, cancel and reopen send only ids and status.
 * Status is lower case in webhooks ("requested", "open"). Exchanges and return shipping fees
 * are not modelled by the domain, so their lists are empty.
 */
const idsOnlyTopics = new Set(['returns/close', 'returns/cancel', 'returns/reopen']);

export function returnPayload(order: Order, returnId: number, topic: string) {
  const item = order.returns.find((candidate) => candidate.id === returnId);
  if (!item) return null;
  const status = item.status.toLowerCase();
  const ids = { id: item.id, admin_graphql_api_id: gid('Return', item.id) };
  if (idsOnlyTopics.has(topic)) return { ...ids, order_id: order.id, status };
  const orderRef = { id: order.id, admin_graphql_api_id: gid('Order', order.id) };
  if (topic === 'returns/decline') {
    return {
      ...ids,
      status,
      order: orderRef,
      decline: { reason: item.declineReason ?? 'other', note: null },
    };
  }
  return {
    ...ids,
    status,
    order: orderRef,
    total_return_line_items: item.lineItems.reduce((sum, line) => sum + line.quantity, 0),
    name: item.name,
    return_line_items: item.lineItems.map((line) => returnLineItem(order, line)),
    return_shipping_fees: [],
    exchange_line_items: [],
    total_exchange_line_items: 0,
  };
}

function returnLineItem(order: Order, line: Return['lineItems'][number]) {
  return {
    id: line.id,
    admin_graphql_api_id: gid('ReturnLineItem', line.id),
    fulfillment_line_item: {
      id: line.fulfillmentLineItemId,
      admin_graphql_api_id: gid('FulfillmentLineItem', line.fulfillmentLineItemId),
      line_item: { id: line.lineItemId, admin_graphql_api_id: gid('LineItem', line.lineItemId) },
    },
    quantity: line.quantity,
    return_reason: line.returnReason.toLowerCase(),
    return_reason_note: line.returnReasonNote,
    customer_note: line.customerNote,
    order_id: order.id,
  };
}
