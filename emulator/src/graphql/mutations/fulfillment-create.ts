import {
  createFulfillment,
  findFulfillment,
  type ShopState,
  type TrackingInput,
} from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { numericId } from '../gid.ts';
import { fulfillmentView } from '../views/fulfillment-view.ts';

interface GqlFulfillmentInput {
  lineItemsByFulfillmentOrder: {
    fulfillmentOrderId: string;
    fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null;
  }[];
  trackingInfo?: TrackingInput | null;
  notifyCustomer?: boolean | null;
}

/** fulfillmentCreate: ships units of fulfillment orders (omitted line items = all remaining units). */
export function fulfillmentCreate(
  state: ShopState,
  args: { fulfillment: GqlFulfillmentInput; message?: string | null },
) {
  const input = args.fulfillment;
  const result = attempt(() =>
    createFulfillment(state, {
      lineItemsByFulfillmentOrder: input.lineItemsByFulfillmentOrder.map((group) => ({
        fulfillmentOrderId: numericId(group.fulfillmentOrderId, 'FulfillmentOrder') ?? -1,
        ...(group.fulfillmentOrderLineItems
          ? {
              fulfillmentOrderLineItems: group.fulfillmentOrderLineItems.map((item) => ({
                id: numericId(item.id, 'FulfillmentOrderLineItem') ?? -1,
                quantity: item.quantity,
              })),
            }
          : {}),
      })),
      trackingInfo: input.trackingInfo ?? null,
      notifyCustomer: input.notifyCustomer ?? false,
      message: args.message ?? null,
    }),
  );
  if (!result.ok) return { fulfillment: null, userErrors: result.userErrors };
  const found = findFulfillment(state, result.value.id);
  return {
    fulfillment: found ? fulfillmentView(state, found.order, found.fulfillment) : null,
    userErrors: [],
  };
}
