import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { getShopConnection, type ShopConnection } from '../shops/index.ts';
import { readCursor } from './cursor.ts';
import { planImport } from './plan-import.ts';
import { findExcludedVersion } from './exclusion-repository.ts';
import { findMirroredOrder } from './mirror-repository.ts';
import type { DocumentSummary, FetchedOrder, SyncDeps } from './ports.ts';
import { stagingDecision, type StagingOutcome } from './stage-page.ts';
import { findStagedOrder } from './staging-repository.ts';

export interface PreviewEntry {
  shopifyOrderId: string;
  name: string;
  outcome: StagingOutcome;
  documents: DocumentSummary[];
  error: { code: string; message: string } | null;
}

/** Thrown to roll back the dry run's transaction. */
class DryRunRollback extends Error {}

/**
 * `sync orders --dry-run`: what a sync would stage and which documents it would create, with
 * nothing written (the documents are computed by books in dry-run mode inside a transaction that
 * is rolled back). The cursor does not move.
 */
export async function previewOrders(
  deps: SyncDeps,
  shopCode: string,
  options: { bulk?: boolean | undefined } = {},
): Promise<PreviewEntry[]> {
  const connection = await getShopConnection(deps, shopCode);
  const source = deps.sourceFor(connection);
  const cursor = await readCursor(deps.db, shopCode);
  const firstSyncAt = cursor?.firstSyncAt ?? (deps.now?.() ?? new Date()).toISOString();
  const entries: PreviewEntry[] = [];
  const add = async (fetched: FetchedOrder) => {
    entries.push(await previewOne(deps.db, connection, firstSyncAt, fetched));
  };
  if (options.bulk === true || !cursor?.value) {
    for await (const fetched of source.ordersInBulk(cursor?.value ?? null)) await add(fetched);
  } else {
    for await (const page of source.changedOrders(cursor.value))
      for (const fetched of page.orders) await add(fetched);
  }
  return entries;

  async function previewOne(
    db: Kysely<Database>,
    shop: ShopConnection,
    first: string,
    { order }: FetchedOrder,
  ): Promise<PreviewEntry> {
    const entry: PreviewEntry = {
      shopifyOrderId: order.shopifyId,
      name: order.name,
      outcome: 'current',
      documents: [],
      error: null,
    };
    await db
      .transaction()
      .execute(async (trx) => {
        const mirrored = await findMirroredOrder(trx, shopCode, order.shopifyId);
        const staged = await findStagedOrder(trx, shopCode, order.shopifyId);
        const excludedVersion = await findExcludedVersion(trx, shopCode, order.shopifyId);
        const context = { shopCode, settings: shop.settings, firstSyncAt: first };
        entry.outcome = stagingDecision({ order, mirrored, staged, excludedVersion, context });
        // An order staged by an earlier run is imported by this one too.
        const imported = entry.outcome === 'staged' || staged !== undefined;
        const plan = planImport({ shopCode, order, mirrored, create: true, force: false });
        if (imported && plan.createDocuments) {
          const outcome = await deps.books.createSalesDocuments(trx, {
            shop: shop.settings,
            order,
            dryRun: true,
          });
          if (outcome.ok) entry.documents = outcome.documents;
          else entry.error = outcome.error;
        }
        throw new DryRunRollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof DryRunRollback)) throw error;
      });
    return entry;
  }
}
