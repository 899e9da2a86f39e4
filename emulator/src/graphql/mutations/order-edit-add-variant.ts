import { getOrderEdit, orderEditAddVariant as addVariant, type ShopState } from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { gid, numericId } from '../gid.ts';
import { calculatedOrderView } from '../views/calculated-order-view.ts';

/** orderEditAddVariant: stages new units of a variant as a calculated line item. */
export function orderEditAddVariant(
  state: ShopState,
  args: { id: string; variantId: string; quantity: number; locationId?: string | null },
) {
  const sessionId = numericId(args.id, 'CalculatedOrder') ?? -1;
  const locationId = args.locationId ? (numericId(args.locationId, 'Location') ?? -1) : null;
  const result = attempt(
    () =>
      addVariant(
        state,
        sessionId,
        numericId(args.variantId, 'ProductVariant') ?? -1,
        args.quantity,
        locationId,
      ),
    { notFoundField: ['variantId'] },
  );
  if (!result.ok) return { calculatedOrder: null, calculatedLineItem: null, userErrors: result.userErrors };
  const { session, order } = getOrderEdit(state, sessionId);
  const calculated = calculatedOrderView(state, session, order);
  const lineId = gid('CalculatedLineItem', result.value);
  const line = calculated.addedLineItems({ first: 250 }).nodes.find((node) => node.id === lineId) ?? null;
  return { calculatedOrder: calculated, calculatedLineItem: line, userErrors: [] };
}
