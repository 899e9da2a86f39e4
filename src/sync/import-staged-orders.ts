import { getShopConnection } from '../shops/index.ts';
import { importStagedOrder, type ImportResult } from './import-staged-order.ts';
import type { SyncDeps } from './ports.ts';
import { listStagedOrders } from './staging-repository.ts';

export interface ImportManyOptions {
  /** Only these staged orders (seed 002 "Import Selected Orders"); Default: every staged order. */
  shopifyOrderIds?: readonly string[] | undefined;
  createDocuments?: boolean | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Step 2 for many staged orders, each on its own (seed 004 2.2 "processed individually"): a
 * failure marks its row and the rest go on. Oldest first, so documents are numbered in order.
 */
export async function importStagedOrders(
  deps: SyncDeps,
  shopCode: string,
  options: ImportManyOptions = {},
): Promise<ImportResult[]> {
  const connection = await getShopConnection(deps, shopCode);
  const wanted = options.shopifyOrderIds && new Set(options.shopifyOrderIds);
  const rows = (await listStagedOrders(deps.db, shopCode))
    .filter((row) => !wanted || wanted.has(row.shopifyOrderId))
    .reverse();
  const results: ImportResult[] = [];
  for (const row of rows) {
    results.push(
      await importStagedOrder(deps, shopCode, row.shopifyOrderId, {
        connection,
        createDocuments: options.createDocuments,
      }),
    );
    options.onProgress?.(results.length, rows.length);
  }
  return results;
}
