import {
  findFulfillment,
  updateFulfillmentTracking,
  type ShopState,
  type TrackingInput,
} from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { numericId } from '../gid.ts';
import { fulfillmentView } from '../views/fulfillment-view.ts';

/** fulfillmentTrackingInfoUpdate: replaces a fulfillment's tracking. */
export function fulfillmentTrackingInfoUpdate(
  state: ShopState,
  args: { fulfillmentId: string; trackingInfoInput: TrackingInput; notifyCustomer?: boolean | null },
) {
  const id = numericId(args.fulfillmentId, 'Fulfillment') ?? -1;
  const result = attempt(
    () => updateFulfillmentTracking(state, id, args.trackingInfoInput, args.notifyCustomer ?? false),
    {
      notFoundField: ['fulfillmentId'],
    },
  );
  if (!result.ok) return { fulfillment: null, userErrors: result.userErrors };
  const found = findFulfillment(state, id);
  return {
    fulfillment: found ? fulfillmentView(state, found.order, found.fulfillment) : null,
    userErrors: [],
  };
}
