/**
 * What the back office sends to Shopify (issue 8), one folder per part; each part's index.ts is
 * re-exported here, one line each.
 */
export * from './refunds/index.ts';
export { registerOutboundRoutes } from './http-routes.ts';
