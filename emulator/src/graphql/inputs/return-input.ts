import type { ReturnInput } from '../../domain/index.ts';
import { numericId } from '../gid.ts';

/** ReturnInput (returnCreate) and ReturnRequestInput (returnRequest) share these fields. */
export interface GqlReturnInput {
  orderId: string;
  returnLineItems: {
    fulfillmentLineItemId: string;
    quantity: number;
    returnReason: string;
    returnReasonNote?: string | null;
    customerNote?: string | null;
  }[];
  /** ReturnInput (returnCreate) only. */
  exchangeLineItems?: { variantId?: string | null; quantity: number }[] | null;
}

export function returnInputToDomain(input: GqlReturnInput): ReturnInput {
  return {
    orderId: numericId(input.orderId, 'Order') ?? -1,
    returnLineItems: input.returnLineItems.map((item) => ({
      fulfillmentLineItemId: numericId(item.fulfillmentLineItemId, 'FulfillmentLineItem') ?? -1,
      quantity: item.quantity,
      returnReason: item.returnReason,
      returnReasonNote: item.returnReasonNote ?? '',
      customerNote: item.customerNote ?? null,
    })),
    ...(input.exchangeLineItems?.length
      ? {
          exchangeLineItems: input.exchangeLineItems.map((item) => ({
            variantId: numericId(item.variantId ?? '', 'ProductVariant') ?? -1,
            quantity: item.quantity,
          })),
        }
      : {}),
  };
}
