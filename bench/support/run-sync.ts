import type { Store } from '../../src/db/index.ts';
import { syncOrders, type SyncProgress, type SyncSummary } from '../../src/sync/index.ts';
import { syncDeps } from '../../src/sync/runtime-deps.ts';

/** One `sync orders` run (stage + import + documents), wired exactly as the CLI and service wire it. */
export async function runSync(input: {
  store: Store;
  secretKey: Buffer;
  shopCode: string;
  /** true forces a bulk export; undefined lets stageOrders choose (bulk above its threshold). */
  bulk: boolean | undefined;
  onProgress?: ((progress: SyncProgress) => void) | undefined;
}): Promise<SyncSummary> {
  return syncOrders(syncDeps({ db: input.store.db, secretKey: input.secretKey }), input.shopCode, {
    bulk: input.bulk,
    onProgress: input.onProgress,
  });
}
