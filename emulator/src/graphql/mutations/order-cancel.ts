import { cancelOrder, type CancelReason, type ShopState } from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { errorCodes } from '../error-codes.ts';
import { numericId } from '../gid.ts';
import { jobPayloadView } from '../roots/node-lookup.ts';

interface OrderCancelArgs {
  orderId: string;
  refund: boolean;
  restock: boolean;
  reason: Uppercase<CancelReason>;
  notifyCustomer?: boolean | null;
  staffNote?: string | null;
}

/**
 * orderCancel is asynchronous on Shopify: it answers with a Job (done: false) to poll with
 * `job(id:)`. Refusals come in orderCancelUserErrors (with codes) and, deprecated, userErrors.
 */
export function orderCancel(state: ShopState, args: OrderCancelArgs) {
  const result = attempt(
    () =>
      cancelOrder(state, {
        orderId: numericId(args.orderId, 'Order') ?? -1,
        reason: args.reason,
        restock: args.restock,
        refund: args.refund,
        staffNote: args.staffNote ?? null,
        notifyCustomer: args.notifyCustomer ?? false,
      }),
    { codes: errorCodes('OrderCancelUserErrorCode'), notFoundField: ['orderId'] },
  );
  if (result.ok)
    return { job: jobPayloadView(state, result.value), orderCancelUserErrors: [], userErrors: [] };
  const userErrors = result.userErrors.map(({ field, message }) => ({ field, message }));
  return { job: null, orderCancelUserErrors: result.userErrors, userErrors };
}
