import { createRefund, getOrder, type ShopState } from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { numericId } from '../gid.ts';
import { refundInputToDomain, type GqlRefundInput } from '../inputs/refund-input.ts';
import { orderView } from '../views/order-view.ts';
import { refundView } from '../views/refund-view.ts';

/** refundCreate: refunds lines, shipping and duties with the given transactions (seed 003 semantics). */
export function refundCreate(state: ShopState, args: { input: GqlRefundInput }) {
  const orderId = numericId(args.input.orderId, 'Order') ?? -1;
  const result = attempt(() => createRefund(state, orderId, refundInputToDomain(args.input)), {
    notFoundField: ['orderId'],
  });
  if (!result.ok) return { refund: null, order: null, userErrors: result.userErrors };
  const order = getOrder(state, orderId);
  return { refund: refundView(state, order, result.value), order: orderView(state, order), userErrors: [] };
}
