import type { ShopConnection } from '../shops/index.ts';
import type { ImportResult } from './import-staged-order.ts';
import { importStagedOrdersEach, type ImportManyOptions } from './import-staged-orders.ts';
import type { SyncDeps } from './ports.ts';

/** Staged orders taken per import (one transaction each, as importStagedOrders batches them). */
const takePerImport = 100;

/**
 * Staged orders waiting for the importer beyond which staging pauses: two imports' worth keeps the
 * importer busy without letting a bulk export run thousands of orders ahead of it.
 */
const waitingLimit = 2 * takePerImport;

export interface ImportQueue {
  /**
   * Orders just staged (their page committed): imported as soon as the queue gets to them. Resolves
   * once the queue has room again, so a caller that waits is held to the importer's pace.
   */
  push(shopifyOrderIds: readonly string[]): Promise<void>;
  /**
   * Waits for every pushed order to be imported; the ids this run tried that are still staged (their
   * import failed), for the run's last pass to leave alone.
   */
  finish(): Promise<Set<string>>;
}

/**
 * Step 2 running beside step 1: each page staged is imported while the next is fetched, so a sync
 * takes about as long as the longer of the two instead of both (Shopify's answers and the
 * database's writes overlap). Orders are imported in the order they were staged, oldest first
 * within a page. A failure of the queue itself (the database gone) surfaces from `finish`.
 *
 * Memory stays bounded whatever the backfill's size: a fetch that runs ahead waits on `push`
 * (backpressure), and only failures are remembered.
 */
export function startImportQueue(
  deps: SyncDeps,
  connection: ShopConnection,
  options: Pick<ImportManyOptions, 'documentJson'> & {
    /**
     * Runs after each take is imported, one take at a time, beside the next take's import (e.g.
     * booking those orders' refunds). A failure stops the queue, as an import's does.
     */
    afterImport?: ((shopifyOrderIds: readonly string[]) => Promise<void>) | undefined;
    /** Runs after each take's import, before the next take (e.g. refreshing planner statistics). */
    betweenTakes?: (() => Promise<unknown>) | undefined;
  },
  onResult: (result: ImportResult) => void,
): ImportQueue {
  const { afterImport, betweenTakes, ...importOptions } = options;
  const pending: string[] = [];
  // Only the failures: an imported order leaves the staging list in its own transaction, so it
  // cannot meet the last pass again, and remembering every id taken would grow with the backfill.
  const failed = new Set<string>();
  const record = (result: ImportResult) => {
    if (result.status === 'failed') failed.add(result.shopifyOrderId);
    else failed.delete(result.shopifyOrderId);
    onResult(result);
  };
  let closed = false;
  let stopped = false;
  let wake: (() => void) | undefined;
  let waiting: (() => void)[] = [];
  const release = () => {
    const resolves = waiting;
    waiting = [];
    for (const resolve of resolves) resolve();
  };
  // afterImport of the take before, running beside this take's import: booking a take's refunds
  // needs its orders imported, not the next take's, so the two lanes overlap (bench:import:
  // booking was a third of the queue's time, waited for in turn). One take's booking at a time.
  let booking: Promise<void> = Promise.resolve();
  const worker = (async () => {
    for (;;) {
      if (pending.length === 0) {
        if (closed) return await booking;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const ids = pending.splice(0, takePerImport);
      if (pending.length <= waitingLimit) release();
      await importStagedOrdersEach(
        deps,
        connection.settings.code,
        { ...importOptions, connection, shopifyOrderIds: ids },
        record,
      );
      await betweenTakes?.();
      if (!afterImport) continue;
      await booking;
      booking = afterImport(ids);
      // Seen by the next turn's await (or finish's); meanwhile not an unhandled rejection.
      booking.catch(() => undefined);
    }
  })();
  // Seen by finish(); a rejection must not be reported as unhandled while staging goes on. A
  // stopped worker takes nothing more, so nobody may wait on it for room.
  worker
    .catch(() => undefined)
    .finally(() => {
      stopped = true;
      release();
    });
  const nudge = () => {
    wake?.();
    wake = undefined;
  };
  return {
    push(shopifyOrderIds) {
      if (closed) throw new Error('import queue: push after finish');
      pending.push(...shopifyOrderIds);
      nudge();
      if (stopped || pending.length <= waitingLimit) return Promise.resolve();
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    async finish() {
      closed = true;
      nudge();
      await worker;
      return failed;
    },
  };
}
