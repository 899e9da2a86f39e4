import { bulkOperationGid, type BulkOperationRecord } from '../../bulk/bulk-operation.ts';

/**
 * A BulkOperation as GraphQL serves it. Counts and the file size are `UnsignedInt64`, which
 * Shopify serializes as strings ("1432").
 */
export function bulkOperationView(operation: BulkOperationRecord) {
  return {
    __typename: 'BulkOperation',
    id: bulkOperationGid(operation.id),
    status: operation.status,
    type: operation.type,
    query: operation.query,
    createdAt: operation.createdAt,
    completedAt: operation.completedAt,
    objectCount: String(operation.objectCount),
    rootObjectCount: String(operation.rootObjectCount),
    fileSize: operation.fileSize === null ? null : String(operation.fileSize),
    url: operation.url,
    partialDataUrl: operation.partialDataUrl,
    errorCode: operation.errorCode,
  };
}
