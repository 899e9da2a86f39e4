import { findFulfillmentOrder, moveFulfillmentOrder, type ShopState } from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { numericId } from '../gid.ts';
import { fulfillmentOrderView } from '../views/fulfillment-view.ts';

interface GqlMoveArgs {
  id: string;
  newLocationId: string;
  fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null;
}

/**
 * fulfillmentOrderMove (2025-01): all unfulfilled units (no `fulfillmentOrderLineItems`) or the
 * given ones go to `newLocationId`; the payload's userErrors are plain UserError (no code in 2025-01).
 */
export function fulfillmentOrderMove(state: ShopState, args: GqlMoveArgs) {
  const empty = {
    movedFulfillmentOrder: null,
    originalFulfillmentOrder: null,
    remainingFulfillmentOrder: null,
  };
  const result = attempt(() =>
    moveFulfillmentOrder(state, {
      id: numericId(args.id, 'FulfillmentOrder') ?? -1,
      newLocationId: numericId(args.newLocationId, 'Location') ?? -1,
      fulfillmentOrderLineItems:
        args.fulfillmentOrderLineItems?.map((item) => ({
          id: numericId(item.id, 'FulfillmentOrderLineItem') ?? -1,
          quantity: item.quantity,
        })) ?? null,
    }),
  );
  if (!result.ok) return { ...empty, userErrors: result.userErrors };
  const { moved, original, remaining } = result.value;
  const view = (id: number) => {
    const found = findFulfillmentOrder(state, id);
    return found ? fulfillmentOrderView(state, found.order, found.fulfillmentOrder) : null;
  };
  return {
    movedFulfillmentOrder: view(moved.id),
    originalFulfillmentOrder: view(original.id),
    remainingFulfillmentOrder: remaining ? view(remaining.id) : null,
    userErrors: [],
  };
}
