import { getShopConnection } from '../shops/index.ts';
import type { SyncDeps } from './ports.ts';
import { listRefunds, type ImportedRefund, type RefundStatus } from './refund-repository.ts';

/** The shop's imported refunds with where each stands (error and attempts included), oldest first. */
export async function listImportedRefunds(
  deps: SyncDeps,
  shopCode: string,
  filter: { shopifyOrderId?: string | undefined; status?: RefundStatus | undefined } = {},
): Promise<ImportedRefund[]> {
  await getShopConnection(deps, shopCode); // an unknown shop is a NotFoundError, not an empty list
  return listRefunds(deps.db, shopCode, filter);
}
