import { orderEditCommit as commitEdit, type ShopState } from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { numericId } from '../gid.ts';
import { orderView } from '../views/order-view.ts';

/** orderEditCommit: applies the staged changes (removed units become a zero-amount refund, seed 002). */
export function orderEditCommit(
  state: ShopState,
  args: { id: string; notifyCustomer?: boolean | null; staffNote?: string | null },
) {
  const result = attempt(() =>
    commitEdit(state, numericId(args.id, 'CalculatedOrder') ?? -1, {
      notifyCustomer: args.notifyCustomer ?? false,
      staffNote: args.staffNote ?? null,
    }),
  );
  return result.ok
    ? { order: orderView(state, result.value), userErrors: [] }
    : { order: null, userErrors: result.userErrors };
}
