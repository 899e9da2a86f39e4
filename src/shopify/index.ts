export {
  createShopifyClient,
  type ShopifyClient,
  type ShopifyConnection,
  type ShopifyResult,
} from './client.ts';
export * from './errors.ts';
export { ThrottleGovernor, type CostBudget, type QueryCost, type ThrottleStatus } from './throttle.ts';
export type { OperationName } from './operations.ts';
