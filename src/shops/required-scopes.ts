import type { PublicShopSettings } from './shop-secrets.ts';

/**
 * The Admin API access scopes storebridge's operations need (src/shopify/graphql/*.graphql), by
 * what they are for (https://shopify.dev/docs/api/usage/access-scopes). Orders older than 60
 * days also need `read_all_orders`, which Shopify grants on request; it is not required here.
 */
const baseScopes = [
  'read_orders', // orders, refunds, transactions: the sync
  'write_orders', // refunds, cancellations, mark as paid, close, document no. attribute
  'read_products', // line items' variants and SKUs
  'read_customers', // customer import and mapping
  'read_inventory', // stock levels: the opening stock
  'read_locations', // location mappings
  'read_returns', // returns with their restock locations
  'write_merchant_managed_fulfillment_orders', // shipments sent as fulfillments
];

/** Scopes the shop's settings need besides: invoice export makes draft orders. */
export function requiredScopes(settings: Pick<PublicShopSettings, 'invoiceExport'>): string[] {
  return settings.invoiceExport.enabled ? [...baseScopes, 'write_draft_orders'] : baseScopes;
}

/** Shopify grants `read_x` with `write_x`; the granted list may name only the write scope. */
export function missingScopes(required: readonly string[], granted: readonly string[]): string[] {
  const has = new Set(granted);
  return required.filter((scope) => !has.has(scope) && !has.has(scope.replace(/^read_/, 'write_')));
}
