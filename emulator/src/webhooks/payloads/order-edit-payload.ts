import type { Order, ShopState } from '../../domain/index.ts';
import { formatShopTime } from '../../domain/index.ts';

/**
 * orders/edited (metadatas/2025-10/orders/edited.json): the committed edit with line item
 * additions and removals as `{id, delta}`. Removals are the lines whose current quantity fell,
 * measured against the quantities before the edit; additions are the lines whose quantity rose
 * and the lines the edit added.
 * Discount and shipping line changes are not supported by the domain's edits (empty lists).
 */
export function orderEditPayload(
  state: ShopState,
  order: Order,
  editId: number,
  before: Record<number, number>,
  after: Record<number, number>,
) {
  const session = state.data.orderEdits.find((candidate) => candidate.id === editId);
  if (!session) return null;
  // A quantity increase adds units to the existing line (OrderStagedChangeIncrementItem): an
  // addition with that line's id.
  const increments = session.quantityChanges
    .map((change) => ({
      id: change.lineItemId,
      delta: (after[change.lineItemId] ?? change.quantity) - (before[change.lineItemId] ?? 0),
    }))
    .filter((increment) => increment.delta > 0);
  const additions = [
    ...increments,
    ...session.addedVariants.map((added) => ({ id: added.calculatedLineItemId, delta: added.quantity })),
  ];
  const removals = session.quantityChanges
    .map((change) => ({
      id: change.lineItemId,
      delta: (before[change.lineItemId] ?? 0) - (after[change.lineItemId] ?? change.quantity),
    }))
    .filter((removal) => removal.delta > 0);
  const committedAt = formatShopTime(state, order.updatedAt);
  return {
    order_edit: {
      id: session.id,
      app_id: null,
      created_at: formatShopTime(state, session.createdAt),
      committed_at: committedAt,
      notify_customer: false,
      order_id: order.id,
      staff_note: '',
      user_id: null,
      line_items: { additions, removals },
      discounts: { line_item: { additions: [], removals: [] } },
      shipping_lines: { additions: [], removals: [] },
    },
  };
}
