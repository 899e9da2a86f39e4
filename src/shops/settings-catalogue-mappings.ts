import type { CatalogueEntry } from './settings-catalogue-types.ts';

/** The shop card's "Mappings" section: label, help and master data of each setting. */
export const mappingsCatalogue: Record<string, CatalogueEntry> = {
  shipmentMethodMappings: {
    group: 'mappings',
    label: 'Shipment method mappings',
    help: 'Shipping method mappings, one per Shopify title. Default: [].',
    columns: {
      shopifyTitle: {
        label: 'Shopify shipping title',
        help: 'The shipping line title as Shopify sends it ("Standard"). Required.',
      },
      shipmentMethodCode: {
        label: 'Shipment method',
        help: 'Shipment method code for the document header. Default: unset.',
      },
      chargesType: {
        label: 'Charges type',
        help: "What the shipping charge is posted as, instead of accounts.shippingCharges: a G/L account, an item, or an item charge spread over the document's items. Default: unset.",
      },
      chargesNo: {
        label: 'Charges no.',
        help: 'The G/L account, item or item charge no. for chargesType. Default: unset.',
      },
      shippingAgentCode: {
        label: 'Shipping agent',
        help: 'Shipping agent for the document header. Default: unset.',
        reference: 'shipping_agent',
      },
      shippingAgentServiceCode: {
        label: 'Shipping agent service',
        help: 'Shipping agent service; needs shippingAgentCode. Default: unset.',
      },
    },
  },
  locationMappings: {
    group: 'mappings',
    label: 'Location mappings',
    help: 'Location mappings, one per Shopify location. Default: [].',
    columns: {
      shopifyLocationId: {
        label: 'Shopify location id',
        help: 'Shopify\'s location id, kept opaque ("gid://shopify/Location/1" or "1"). Required.',
      },
      locationCode: {
        label: 'Location',
        help: 'The back-office location stock moves in. Required; must exist.',
        reference: 'location',
      },
      isDefault: {
        label: 'Default',
        help: 'Used for lines Shopify sends without a location; at most one mapping. Default false.',
      },
    },
  },
};
