import type { ShopState } from '../domain/index.ts';
import type { BulkOperations } from './bulk-operations.ts';

/**
 * The bulk operations of each running shop, found from the shop state the GraphQL resolvers
 * receive (resolvers are built per request from the state alone).
 */
const byShop = new WeakMap<ShopState, BulkOperations>();

export function attachBulkOperations(state: ShopState, operations: BulkOperations): void {
  byShop.set(state, operations);
}

/** The shop's bulk operations, or undefined when the emulator runs without them (unit tests). */
export function bulkOperationsOf(state: ShopState): BulkOperations | undefined {
  return byShop.get(state);
}
