import { NotFoundError } from '../shared/errors.ts';
import { getShopConnection } from '../shops/index.ts';
import { excludeOrderVersions } from './exclusion-repository.ts';
import type { SyncDeps } from './ports.ts';
import { deleteStagedOrders, findStagedOrder } from './staging-repository.ts';

/**
 * seed 002: "Delete orders from the Shopify Order to Import page to exclude them from the sync."
 * All or nothing: an id that is not staged names itself and deletes nothing. The order comes
 * back only when Shopify changes it again: the excluded version is remembered, because step 1
 * reads versions it has seen before (src/sync/exclusion-repository.ts).
 */
export async function excludeStagedOrders(
  deps: SyncDeps,
  shopCode: string,
  shopifyOrderIds: readonly string[],
): Promise<number> {
  await getShopConnection(deps, shopCode);
  return deps.db.transaction().execute(async (trx) => {
    const versions: Array<{ shopifyOrderId: string; updatedAt: string }> = [];
    for (const id of shopifyOrderIds) {
      const staged = await findStagedOrder(trx, shopCode, id);
      if (!staged) {
        throw new NotFoundError(
          `Order ${id} is not waiting to be imported in shop "${shopCode}": nothing deleted`,
        );
      }
      versions.push({ shopifyOrderId: id, updatedAt: staged.updatedAt });
    }
    await excludeOrderVersions(trx, shopCode, versions);
    return deleteStagedOrders(trx, shopCode, shopifyOrderIds);
  });
}
