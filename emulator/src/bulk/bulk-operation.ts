/** `BulkOperationStatus` (2025-01) and the moves the emulator makes between them, as data. */
export type BulkOperationStatus =
  'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELING' | 'CANCELED' | 'EXPIRED';

export const bulkOperationTransitions: Readonly<Record<BulkOperationStatus, readonly BulkOperationStatus[]>> =
  {
    CREATED: ['RUNNING', 'CANCELING'],
    RUNNING: ['COMPLETED', 'FAILED', 'CANCELING'],
    CANCELING: ['CANCELED', 'FAILED'],
    COMPLETED: ['EXPIRED'],
    FAILED: [],
    CANCELED: [],
    EXPIRED: [],
  };

/** Statuses during which a second bulk query is refused (OPERATION_IN_PROGRESS). */
export function isInProgress(status: BulkOperationStatus): boolean {
  return status === 'CREATED' || status === 'RUNNING' || status === 'CANCELING';
}

/** One bulk operation, kept in memory by the emulator (results live in its JSONL file). */
export interface BulkOperationRecord {
  readonly id: number;
  readonly type: 'QUERY';
  readonly query: string;
  readonly createdAt: string;
  status: BulkOperationStatus;
  completedAt: string | null;
  objectCount: number;
  rootObjectCount: number;
  /** Bytes of the result file, once complete. */
  fileSize: number | null;
  url: string | null;
  partialDataUrl: string | null;
  errorCode: 'ACCESS_DENIED' | 'INTERNAL_SERVER_ERROR' | 'TIMEOUT' | null;
  /** Where the JSONL is written. */
  readonly file: string;
}

export function bulkOperationGid(id: number): string {
  return `gid://shopify/BulkOperation/${id}`;
}

/** Moves an operation along `bulkOperationTransitions`; an illegal move is a bug in the emulator. */
export function transition(operation: BulkOperationRecord, to: BulkOperationStatus): void {
  if (!bulkOperationTransitions[operation.status].includes(to)) {
    throw new Error(`bulk operation ${operation.id}: ${operation.status} -> ${to} is not allowed`);
  }
  operation.status = to;
}
