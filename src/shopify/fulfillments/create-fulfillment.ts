import type { ShopifyClient } from '../client.ts';
import { legacyId } from '../ids.ts';

export interface FulfillmentCreateInput {
  lineItemsByFulfillmentOrder: {
    fulfillmentOrderId: string;
    /** Omitted: every remaining line of the fulfillment order, whole. */
    fulfillmentOrderLineItems?: { id: string; quantity: number }[];
  }[];
  trackingInfo: { company: string | null; number: string | null; url: string | null } | null;
  notifyCustomer: boolean;
  /** Shopify's optional message for the fulfillment request (our shipment no.). */
  message?: string | undefined;
}

export type FulfillmentCreateResult =
  | { ok: true; fulfillment: { id: string; name: string; status: string; createdAt: string } }
  | { ok: false; userErrors: { field: string[] | null; message: string }[] };

/**
 * One `fulfillmentCreate`. Shopify's user errors come back as a result, verbatim, for the caller
 * to keep on the shipment; transport failures are thrown by the client as typed errors.
 */
export async function createFulfillment(
  client: ShopifyClient,
  input: FulfillmentCreateInput,
): Promise<FulfillmentCreateResult> {
  const tracking = input.trackingInfo;
  const { data } = await client.request<{
    fulfillmentCreate: {
      fulfillment: { id: string; name: string; status: string; createdAt: string } | null;
      userErrors: { field: string[] | null; message: string }[];
    };
  }>('FulfillmentCreate', {
    fulfillment: {
      lineItemsByFulfillmentOrder: input.lineItemsByFulfillmentOrder,
      notifyCustomer: input.notifyCustomer,
      ...(tracking && {
        trackingInfo: {
          ...(tracking.company !== null && { company: tracking.company }),
          ...(tracking.number !== null && { number: tracking.number }),
          ...(tracking.url !== null && { url: tracking.url }),
        },
      }),
    },
    ...(input.message !== undefined && { message: input.message }),
  });
  const { fulfillment, userErrors } = data.fulfillmentCreate;
  if (userErrors.length > 0 || !fulfillment)
    return {
      ok: false,
      userErrors: userErrors.length > 0 ? userErrors : [{ field: null, message: 'no fulfillment' }],
    };
  return {
    ok: true,
    fulfillment: { ...fulfillment, id: legacyId(fulfillment.id), status: fulfillment.status.toLowerCase() },
  };
}
