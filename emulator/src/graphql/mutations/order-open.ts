import { openOrder, type ShopState } from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { numericId } from '../gid.ts';
import { orderView } from '../views/order-view.ts';

/** orderOpen: unarchives a closed order. */
export function orderOpen(state: ShopState, args: { input: { id: string } }) {
  const result = attempt(() => openOrder(state, numericId(args.input.id, 'Order') ?? -1));
  return result.ok
    ? { order: orderView(state, result.value), userErrors: [] }
    : { order: null, userErrors: result.userErrors };
}
