import type { ShopifyClient } from '../client.ts';
import { ShopifyBulkOperationError } from '../errors.ts';

interface BulkOperationNode {
  id: string;
  status: string;
  errorCode: string | null;
  objectCount: string | null;
  url: string | null;
  partialDataUrl: string | null;
}

export interface BulkRunOptions {
  /**
   * The longest wait between status polls (Default: 1,000 ms). The first poll comes after
   * `firstPollMs` and the wait doubles up to this: a small export is read as soon as it is
   * written, a long one costs about a poll a second (1 point each).
   */
  pollIntervalMs?: number;
  /** The wait before the first status poll (Default: 250 ms, never more than pollIntervalMs). */
  firstPollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const running = new Set(['CREATED', 'RUNNING', 'CANCELING']);

/**
 * Starts a bulk query (bulkOperationRunQuery) and polls it by id until it ends (shopify.dev
 * "Perform bulk operations with the GraphQL Admin API"). Returns the result file's URL, or
 * `null` when nothing matched (Shopify then gives no file). A query already running for this
 * app and shop is a retryable failure; FAILED, CANCELED and EXPIRED are permanent.
 */
export async function runBulkQuery(
  client: ShopifyClient,
  query: string,
  options: BulkRunOptions = {},
): Promise<string | null> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const { data } = await client.request<{
    bulkOperationRunQuery: {
      bulkOperation: { id: string } | null;
      userErrors: { message: string; code: string | null }[];
    };
  }>('BulkOperationRunQuery', { query });
  const { bulkOperation, userErrors } = data.bulkOperationRunQuery;
  if (!bulkOperation) {
    const inProgress = userErrors.some((e) => e.code === 'OPERATION_IN_PROGRESS');
    const detail = userErrors.map((e) => e.message).join('; ');
    throw new ShopifyBulkOperationError(`Shopify did not start the bulk export: ${detail}`, inProgress);
  }
  const longest = options.pollIntervalMs ?? 1000;
  let wait = Math.min(options.firstPollMs ?? 250, longest);
  for (;;) {
    await sleep(wait);
    wait = Math.min(wait * 2, longest);
    const { data: polled } = await client.request<{ node: BulkOperationNode | null }>('BulkOperationById', {
      id: bulkOperation.id,
    });
    const operation = polled.node;
    if (!operation) throw new ShopifyBulkOperationError(`Bulk operation ${bulkOperation.id} vanished`, false);
    if (operation.status === 'COMPLETED') return operation.url;
    if (!running.has(operation.status)) {
      throw new ShopifyBulkOperationError(
        `Bulk operation ${operation.id} ended ${operation.status} (${operation.errorCode ?? 'no error code'})`,
        false,
      );
    }
  }
}
