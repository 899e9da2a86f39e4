import { NotFoundError } from '../shared/errors.ts';
import { getShopConnection } from '../shops/index.ts';
import { clearExclusion } from './exclusion-repository.ts';
import { importStagedOrder, type ImportResult } from './import-staged-order.ts';
import { saveOrderVersion } from './mirror-repository.ts';
import type { SyncDeps } from './ports.ts';
import { upsertStagedOrder } from './staging-repository.ts';

/**
 * seed 002 "Synch order from Shopify": fetch one order again and import it, whatever the filters
 * and the cursor. On an order marked conflict it is the operator's "force the synchronization":
 * the mirror takes Shopify's state and the conflict is cleared (Shopify is the source of truth,
 * seed 004 3.4); documents already created stay as they are.
 */
export async function reimportOrder(
  deps: SyncDeps,
  shopCode: string,
  shopifyOrderId: string,
  options: { createDocuments?: boolean } = {},
): Promise<ImportResult> {
  const connection = await getShopConnection(deps, shopCode);
  const fetched = await deps.sourceFor(connection).order(shopifyOrderId);
  if (!fetched)
    throw new NotFoundError(`Order ${shopifyOrderId} does not exist in Shopify for shop "${shopCode}"`);
  await deps.db.transaction().execute(async (trx) => {
    await saveOrderVersion(trx, shopCode, fetched);
    // The operator asked for this order by name: an earlier exclusion no longer holds.
    await clearExclusion(trx, shopCode, fetched.order.shopifyId);
    await upsertStagedOrder(trx, shopCode, fetched.order);
  });
  return importStagedOrder(deps, shopCode, shopifyOrderId, {
    connection,
    createDocuments: options.createDocuments,
    force: true,
  });
}
