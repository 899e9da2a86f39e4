import { markAsPaid, type ShopState } from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { numericId } from '../gid.ts';
import { orderView } from '../views/order-view.ts';

/** orderMarkAsPaid: records a manual payment for what is outstanding. */
export function orderMarkAsPaid(state: ShopState, args: { input: { id: string } }) {
  const result = attempt(() => markAsPaid(state, numericId(args.input.id, 'Order') ?? -1));
  return result.ok
    ? { order: orderView(state, result.value), userErrors: [] }
    : { order: null, userErrors: result.userErrors };
}
