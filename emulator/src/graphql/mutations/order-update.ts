import { updateOrder, type OrderPatch, type ShopState } from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { numericId } from '../gid.ts';
import { addressToDomain, type GqlAddressInput } from '../inputs/address-input.ts';
import { orderView } from '../views/order-view.ts';

interface GqlOrderInput {
  id: string;
  email?: string | null;
  note?: string | null;
  tags?: string[] | null;
  shippingAddress?: GqlAddressInput | null;
  customAttributes?: { key: string; value: string }[] | null;
}

/** orderUpdate: only the attributes given change (OrderInput doc); tags replace the whole list. */
function toPatch(input: GqlOrderInput): OrderPatch {
  return {
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
    ...(input.tags != null ? { tags: input.tags } : {}),
    ...(input.shippingAddress !== undefined
      ? { shippingAddress: addressToDomain(input.shippingAddress) }
      : {}),
    ...(input.customAttributes != null ? { customAttributes: input.customAttributes } : {}),
  };
}

export function orderUpdate(state: ShopState, args: { input: GqlOrderInput }) {
  const result = attempt(() =>
    updateOrder(state, numericId(args.input.id, 'Order') ?? -1, toPatch(args.input)),
  );
  return result.ok
    ? { order: orderView(state, result.value), userErrors: [] }
    : { order: null, userErrors: result.userErrors };
}
