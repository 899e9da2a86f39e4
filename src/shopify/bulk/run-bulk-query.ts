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
   * The longest wait between status polls (Default: 1,000 ms), once the export has run for
   * `briskForMs`: a long one costs about a poll a second (1 point each).
   */
  pollIntervalMs?: number;
  /** The wait before the first status poll (Default: 100 ms, never more than the waits after it). */
  firstPollMs?: number;
  /**
   * The longest wait between polls while the export is young (Default: 250 ms for the first
   * 5,000 ms): the importer can read nothing until the file is complete, and a backfill of a few
   * thousand orders is written in about a second, so a poll a second left it idle for up to a
   * second (the waits were 250, 500, then 1,000 ms); ~20 polls (20 points) at most.
   */
  briskPollMs?: number;
  briskForMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds since some fixed point (Default: performance.now). */
  now?: () => number;
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
  const now = options.now ?? (() => performance.now());
  const started = now();
  const longest = options.pollIntervalMs ?? 1000;
  const brisk = Math.min(options.briskPollMs ?? 250, longest);
  const briskFor = options.briskForMs ?? 5000;
  let wait = Math.min(options.firstPollMs ?? 100, brisk);
  for (;;) {
    await sleep(wait);
    wait = Math.min(wait * 2, now() - started < briskFor ? brisk : longest);
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
