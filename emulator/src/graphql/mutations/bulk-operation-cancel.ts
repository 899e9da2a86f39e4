import type { ShopState } from '../../domain/index.ts';
import { bulkOperationsOf } from '../../bulk/bulk-registry.ts';
import { numericId } from '../gid.ts';
import { bulkOperationView } from '../views/bulk-operation-view.ts';

/** bulkOperationCancel(id:): CANCELING now, CANCELED once the runner reaches its next page. */
export function bulkOperationCancel(state: ShopState, args: { id: string }) {
  const operations = bulkOperationsOf(state);
  if (!operations) throw new Error('bulk operations are not running in this emulator');
  const { operation, userErrors } = operations.cancel(numericId(args.id, 'BulkOperation') ?? -1);
  return { bulkOperation: operation ? bulkOperationView(operation) : null, userErrors };
}
