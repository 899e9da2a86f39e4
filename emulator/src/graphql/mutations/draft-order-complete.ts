import { draftOrderComplete as completeDraft, type ShopState } from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { numericId } from '../gid.ts';
import { draftOrderView } from '../views/draft-order-view.ts';

/**
 * draftOrderComplete: 2025-01 has no paymentPending argument: the order is created paid, or with
 * payment pending when the draft has payment terms.
 */
export function draftOrderComplete(state: ShopState, args: { id: string }) {
  const id = numericId(args.id, 'DraftOrder') ?? -1;
  const result = attempt(() => completeDraft(state, id));
  const draft = state.data.draftOrders.find((d) => d.id === id);
  return result.ok && draft
    ? { draftOrder: draftOrderView(state, draft), userErrors: [] }
    : { draftOrder: null, userErrors: result.ok ? [] : result.userErrors };
}
