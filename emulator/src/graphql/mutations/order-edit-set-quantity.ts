import { getOrderEdit, orderEditSetQuantity as setQuantity, type ShopState } from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { numericId } from '../gid.ts';
import { calculatedOrderView } from '../views/calculated-order-view.ts';

/** orderEditSetQuantity: stages a new quantity (0 removes the line; restock puts units back). */
export function orderEditSetQuantity(
  state: ShopState,
  args: { id: string; lineItemId: string; quantity: number; restock?: boolean | null },
) {
  const sessionId = numericId(args.id, 'CalculatedOrder') ?? -1;
  const lineItemId = numericId(args.lineItemId, 'CalculatedLineItem') ?? -1;
  const result = attempt(() =>
    setQuantity(state, sessionId, lineItemId, args.quantity, args.restock ?? false),
  );
  if (!result.ok) return { calculatedOrder: null, calculatedLineItem: null, userErrors: result.userErrors };
  const { session, order } = getOrderEdit(state, sessionId);
  const calculated = calculatedOrderView(state, session, order);
  const line = calculated.lineItems({ first: 250 }).nodes.find((node) => node.id === args.lineItemId) ?? null;
  return { calculatedOrder: calculated, calculatedLineItem: line, userErrors: [] };
}
