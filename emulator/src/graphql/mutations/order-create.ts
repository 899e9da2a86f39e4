import { createOrder, type ShopState } from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { errorCodes } from '../error-codes.ts';
import { orderCreateToDomain, type GqlOrderCreateInput } from '../inputs/order-create-input.ts';
import { orderView } from '../views/order-view.ts';

/** orderCreate: an order from an external source, through the same command as REST POST orders.json. */
export function orderCreate(
  state: ShopState,
  args: { order: GqlOrderCreateInput; options?: { inventoryBehaviour?: string | null } | null },
) {
  const result = attempt(
    () => createOrder(state, orderCreateToDomain(args.order, args.options?.inventoryBehaviour)),
    {
      codes: errorCodes('OrderCreateUserErrorCode'),
      notFoundField: ['order', 'lineItems'],
    },
  );
  return result.ok
    ? { order: orderView(state, result.value), userErrors: [] }
    : { order: null, userErrors: result.userErrors };
}
