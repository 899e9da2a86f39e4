/**
 * What the back office sends to Shopify (issue 8, DESIGN.md "outbound/"), one folder per part;
 * each part's index.ts is re-exported here, one line each.
 */
export * from './refunds/index.ts';
export * from './shipments/index.ts';
export * from './invoice-export/index.ts';
export * from './archive/index.ts';
export { shopifyClientFor } from '../shops/index.ts';
export { registerOutboundRoutes } from './http-routes.ts';
