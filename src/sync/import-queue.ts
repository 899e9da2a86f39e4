import type { ShopConnection } from '../shops/index.ts';
import type { ImportResult } from './import-staged-order.ts';
import { importStagedOrdersEach, type ImportManyOptions } from './import-staged-orders.ts';
import type { SyncDeps } from './ports.ts';

/** Staged orders taken per import (one transaction each, as importStagedOrders batches them). */
const takePerImport = 100;

export interface ImportQueue {
  /** Orders just staged (their page committed): imported as soon as the queue gets to them. */
  push(shopifyOrderIds: readonly string[]): void;
  /** Waits for every pushed order to be imported; the ids taken (imported or failed) in this run. */
  finish(): Promise<Set<string>>;
}

/**
 * Step 2 running beside step 1: each page staged is imported while the next is fetched, so a sync
 * takes about as long as the longer of the two instead of both (Shopify's answers and the
 * database's writes overlap). Orders are imported in the order they were staged, oldest first
 * within a page. A failure of the queue itself (the database gone) surfaces from `finish`.
 */
export function startImportQueue(
  deps: SyncDeps,
  connection: ShopConnection,
  options: Pick<ImportManyOptions, 'documentJson'>,
  onResult: (result: ImportResult) => void,
): ImportQueue {
  const pending: string[] = [];
  const taken = new Set<string>();
  let closed = false;
  let wake: (() => void) | undefined;
  const worker = (async () => {
    for (;;) {
      if (pending.length === 0) {
        if (closed) return;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const ids = pending.splice(0, takePerImport);
      for (const id of ids) taken.add(id);
      await importStagedOrdersEach(
        deps,
        connection.settings.code,
        { ...options, connection, shopifyOrderIds: ids },
        onResult,
      );
    }
  })();
  // Seen by finish(); a rejection must not be reported as unhandled while staging goes on.
  worker.catch(() => undefined);
  const nudge = () => {
    wake?.();
    wake = undefined;
  };
  return {
    push(shopifyOrderIds) {
      if (closed) throw new Error('import queue: push after finish');
      pending.push(...shopifyOrderIds);
      nudge();
    },
    async finish() {
      closed = true;
      nudge();
      await worker;
      return taken;
    },
  };
}
