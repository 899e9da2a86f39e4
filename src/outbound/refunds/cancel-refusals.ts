import type { Order } from '../../domain/order.ts';

/** orderCancel's staffNote limit (schema: "Maximum length of 255 characters"). */
export const staffNoteLimit = 255;

/**
 * Why Shopify would refuse to cancel the order, each as a sentence for the agent (seed 001: an
 * order already fulfilled cannot be cancelled; Shopify's orderCancel documentation: not when
 * already cancelled or with an active return). Empty when it may be cancelled. Pure.
 */
export function cancelRefusals(order: Order, staffNote: string | null): string[] {
  const reasons: string[] = [];
  if (order.cancelledAt !== null) reasons.push(`order ${order.name} is already cancelled`);
  const fulfilled = order.fulfillments
    .filter((fulfillment) => fulfillment.status === 'success')
    .reduce((units, fulfillment) => units + fulfillment.lines.reduce((n, line) => n + line.quantity, 0), 0);
  if (fulfilled > 0)
    reasons.push(`order ${order.name} has ${fulfilled} fulfilled item(s): refund them with a return instead`);
  const openReturns = order.returns.filter((item) =>
    ['open', 'requested'].includes(item.status.toLowerCase()),
  );
  if (openReturns.length > 0)
    reasons.push(
      `order ${order.name} has an open return (${openReturns.map((item) => item.name).join(', ')})`,
    );
  if ((staffNote ?? '').length > staffNoteLimit)
    reasons.push(`staffNote: at most ${staffNoteLimit} characters`);
  return reasons;
}
