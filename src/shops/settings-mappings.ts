import { z } from 'zod';
import { backOfficeCode, listUniqueBy } from './settings-fields.ts';

/**
 * A Shopify shipping method title mapped to a shipment method and, optionally, to its own
 * charges line (seed 002, "Shipment method mapping").
 */
export const shipmentMethodMappingSettings = z
  .strictObject({
    /** The shipping line title as Shopify sends it ("Standard"). Required. */
    shopifyTitle: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
    /** Shipment method code for the document header. Default: unset. */
    shipmentMethodCode: backOfficeCode.optional(),
    /**
     * What the shipping charge is posted as, instead of accounts.shippingCharges: a G/L account,
     * an item, or an item charge spread over the document's items (seed 002). Default: unset.
     */
    chargesType: z.enum(['gl_account', 'item', 'item_charge']).optional(),
    /** The G/L account, item or item charge no. for chargesType. Default: unset. */
    chargesNo: backOfficeCode.optional(),
    /** Shipping agent for the document header. Default: unset. */
    shippingAgentCode: backOfficeCode.optional(),
    /** Shipping agent service; needs shippingAgentCode. Default: unset. */
    shippingAgentServiceCode: backOfficeCode.optional(),
  })
  .superRefine((mapping, context) => {
    if (mapping.chargesType !== undefined && mapping.chargesNo === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['chargesNo'],
        message: 'is required when chargesType is set',
      });
    }
    if (mapping.chargesNo !== undefined && mapping.chargesType === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['chargesType'],
        message: 'is required when chargesNo is set',
      });
    }
    if (mapping.shippingAgentServiceCode !== undefined && mapping.shippingAgentCode === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['shippingAgentCode'],
        message: 'is required with shippingAgentServiceCode',
      });
    }
  });

/** A Shopify location mapped to a back-office location (seed 002, "Location mapping"). */
export const locationMappingSettings = z.strictObject({
  /** Shopify's location id, kept opaque ("gid://shopify/Location/1" or "1"). Required. */
  shopifyLocationId: z.string().trim().min(1, 'must not be empty'),
  /** The back-office location stock moves in. Required; must exist. */
  locationCode: backOfficeCode,
  /** Used for lines Shopify sends without a location; at most one mapping. Default false. */
  isDefault: z.boolean().default(false),
});

export const mappingSettings = {
  /** Shipping method mappings, one per Shopify title. Default: []. */
  shipmentMethodMappings: listUniqueBy(shipmentMethodMappingSettings, 'shopifyTitle').default([]),
  /** Location mappings, one per Shopify location. Default: []. */
  locationMappings: listUniqueBy(locationMappingSettings, 'shopifyLocationId').default([]),
};
