import { NotFoundError } from '../shared/errors.ts';
import type { SyncDeps } from './ports.ts';
import { findMirroredOrder, unlinkMirroredOrder } from './mirror-repository.ts';

/**
 * seed 002 "Unlink Processed Documents": resets the processed indicator so the documents can be
 * created again. The existing documents are not deleted ("You must process it manually"); books
 * unlinks them from the order in the same transaction.
 */
export async function unlinkOrder(
  deps: SyncDeps,
  shopCode: string,
  shopifyOrderId: string,
): Promise<{ unlinked: string[] }> {
  return deps.db.transaction().execute(async (trx) => {
    const mirrored = await findMirroredOrder(trx, shopCode, shopifyOrderId);
    if (!mirrored)
      throw new NotFoundError(`Order ${shopifyOrderId} has not been imported in shop "${shopCode}"`);
    await deps.books.unlinkOrderDocuments(trx, { shopCode, shopifyOrderId });
    await unlinkMirroredOrder(trx, shopCode, shopifyOrderId);
    return { unlinked: mirrored.documentNos };
  });
}
