import { getOrderEdit, orderEditBegin as beginEdit, type ShopState } from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { numericId } from '../gid.ts';
import { calculatedOrderView } from '../views/calculated-order-view.ts';

/** orderEditBegin: opens a CalculatedOrder; nothing changes on the order until commit. */
export function orderEditBegin(state: ShopState, args: { id: string }) {
  const result = attempt(() => beginEdit(state, numericId(args.id, 'Order') ?? -1));
  if (!result.ok) return { calculatedOrder: null, userErrors: result.userErrors };
  const { session, order } = getOrderEdit(state, result.value.id);
  return { calculatedOrder: calculatedOrderView(state, session, order), userErrors: [] };
}
