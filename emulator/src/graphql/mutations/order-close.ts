import { closeOrder, type ShopState } from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { numericId } from '../gid.ts';
import { orderView } from '../views/order-view.ts';

/** orderClose: archives the order (closedAt set). */
export function orderClose(state: ShopState, args: { input: { id: string } }) {
  const result = attempt(() => closeOrder(state, numericId(args.input.id, 'Order') ?? -1));
  return result.ok
    ? { order: orderView(state, result.value), userErrors: [] }
    : { order: null, userErrors: result.userErrors };
}
