import type { ShopState } from '../../domain/index.ts';
import { bulkOperationsOf } from '../../bulk/bulk-registry.ts';
import { bulkOperationView } from '../views/bulk-operation-view.ts';

/** bulkOperationRunQuery(query:): starts an export; the operation answers CREATED and runs in the background. */
export function bulkOperationRunQuery(state: ShopState, args: { query: string }) {
  const operations = bulkOperationsOf(state);
  if (!operations) throw new Error('bulk operations are not running in this emulator');
  const { operation, userErrors } = operations.runQuery(args.query);
  return { bulkOperation: operation ? bulkOperationView(operation) : null, userErrors };
}
