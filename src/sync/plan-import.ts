import type { Order } from '../domain/order.ts';
import { cancelledWithNothingLeft } from '../rules/cancelled-order.ts';
import { conflictMessage, decideOrderUpdate, type OrderUpdateDecision } from '../rules/order-change.ts';
import type { MirroredOrder } from './mirror-repository.ts';
import { documentNoAttributeKey } from './ports.ts';

export interface ImportPlan {
  action: OrderUpdateDecision['action'] | 'new';
  createDocuments: boolean;
  conflictMessage: string | null;
}

/** Pure: what importing this version does, given the mirror (seed 002 "Effect of order editing"). */
export function planImport(input: {
  shopCode: string;
  order: Order;
  mirrored: MirroredOrder | undefined;
  create: boolean;
  force: boolean;
}): ImportPlan {
  const { order, mirrored } = input;
  // seed 002's cancel rows: a cancelled order with nothing left to charge gets no document; one
  // that still charges something (a tip kept, a partial refund) is documented as it stands now.
  const createDocuments = input.create && !cancelledWithNothingLeft(order) && !mirrored?.processed;
  if (!mirrored) return { action: 'new', createDocuments, conflictMessage: null };
  const kept = input.force ? null : mirrored.conflictMessage;
  if (Date.parse(mirrored.updatedAt) >= Date.parse(order.updatedAt)) {
    return { action: 'no_change', createDocuments, conflictMessage: kept };
  }
  const decision = decideOrderUpdate({
    previous: mirrored.order,
    next: order,
    processed: mirrored.processed,
    ownAttributeKey: documentNoAttributeKey,
  });
  const conflict =
    decision.action === 'mark_conflict' && !input.force ? conflictMessage(input.shopCode, order) : kept;
  return { action: decision.action, createDocuments, conflictMessage: conflict };
}
