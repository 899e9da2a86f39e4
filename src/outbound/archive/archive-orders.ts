import type { Kysely } from 'kysely';
import { authorizeOrAudit, recordAudit, type Actor } from '../../access/index.ts';
import type { Database } from '../../db/index.ts';
import type { Order } from '../../domain/order.ts';
import { archiveDecision } from '../../rules/order-archiving.ts';
import { AppError } from '../../shared/errors.ts';
import { closeOrder, type ShopifyUserErrorDetail } from '../../shopify/index.ts';
import { getShopConnection } from '../../shops/index.ts';
import type { SyncDeps } from '../../sync/ports.ts';
import { shopifyClientFor } from '../../shops/index.ts';

export interface ArchiveOptions {
  /** Only these orders (the sync's run). Default: every imported order of the shop. */
  shopifyOrderIds?: readonly string[] | undefined;
  /** List what would be archived; nothing is sent or marked. Default false. */
  dryRun?: boolean | undefined;
  /**
   * The user who runs it by hand: role-checked (sync.run) before anything is sent and each order
   * audited. The sync's automatic run is nobody's action: it is logged, not audited. Default: none.
   */
  actor?: Actor | undefined;
}

export interface ArchivedOrder {
  shopifyOrderId: string;
  name: string;
  /** Shopify's closedAt; null in a dry run. */
  closedAt: string | null;
  /** Shopify already showed it closed: only marked here, nothing sent. */
  alreadyClosed: boolean;
}

export interface ArchiveFailure {
  shopifyOrderId: string;
  name: string;
  code: string;
  message: string;
  /** Shopify's user errors verbatim, when Shopify refused. */
  userErrors: ShopifyUserErrorDetail[];
}

export interface ArchiveSummary {
  dryRun: boolean;
  archived: ArchivedOrder[];
  failed: ArchiveFailure[];
}

type Deps = Pick<SyncDeps, 'db' | 'secretKey' | 'logger'> & {
  readonly clientFor?: typeof shopifyClientFor | undefined;
};

type Candidate = { shopifyOrderId: string; name: string; order: Order };

/**
 * seed 002: "archives completely paid and fulfilled orders in both Shopify and <the ERP>, provided
 * the conditions are met" (rules/order-archiving.ts). Each order is closed in Shopify (orderClose)
 * and marked archived here in the same step, so it is not offered again; an order Shopify already
 * shows closed is only marked. Shopify's refusal of one order is kept and reported; the rest go on.
 */
export async function archiveOrders(
  deps: Deps,
  shopCode: string,
  options: ArchiveOptions = {},
): Promise<ArchiveSummary> {
  const { actor, dryRun = false } = options;
  const request = { dryRun };
  if (actor)
    await authorizeOrAudit(deps.db, {
      actor,
      action: 'sync.run',
      shopCode,
      target: 'orders archive',
      request,
    });
  const connection = await getShopConnection(deps, shopCode);
  const summary: ArchiveSummary = { dryRun, archived: [], failed: [] };
  const candidates = await archivable(deps.db, shopCode, options.shopifyOrderIds);
  if (dryRun || candidates.length === 0) {
    summary.archived = candidates.map((c) => ({ ...ids(c), closedAt: null, alreadyClosed: false }));
    return summary;
  }
  // orderClose of a closed order changes nothing, so the client's usual retries are safe.
  const client = deps.clientFor
    ? deps.clientFor(connection)
    : shopifyClientFor(connection, deps.logger ? { logger: deps.logger } : {});
  for (const candidate of candidates) {
    const target = `order ${candidate.shopifyOrderId}`;
    const audit = (db: Kysely<Database>, outcome: 'succeeded' | 'refused' | 'failed', answer: unknown) =>
      actor
        ? recordAudit(db, {
            actor,
            action: 'sync.run',
            shopCode,
            target,
            request,
            outcome,
            shopifyAnswer: answer,
          })
        : Promise.resolve();
    try {
      const alreadyClosed = candidate.order.closedAt !== null;
      const answer = alreadyClosed
        ? { ok: true as const, closedAt: candidate.order.closedAt }
        : await closeOrder(client, candidate.shopifyOrderId);
      if (!answer.ok) {
        await audit(deps.db, 'refused', { userErrors: answer.userErrors });
        summary.failed.push({
          ...ids(candidate),
          code: 'shopify_refused',
          message: `Shopify refused: ${answer.userErrors.map((e) => e.message).join('; ')}`,
          userErrors: answer.userErrors,
        });
        continue;
      }
      await deps.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('shopify_orders')
          .set({ archived_at: new Date() })
          .where('shop_code', '=', shopCode)
          .where('shopify_order_id', '=', candidate.shopifyOrderId)
          .execute();
        await audit(trx, 'succeeded', { closedAt: answer.closedAt, alreadyClosed });
      });
      summary.archived.push({ ...ids(candidate), closedAt: answer.closedAt, alreadyClosed });
    } catch (error) {
      const code = error instanceof AppError ? error.code : 'internal_error';
      const message = error instanceof Error ? error.message : String(error);
      await audit(deps.db, 'failed', { code, message });
      summary.failed.push({ ...ids(candidate), code, message, userErrors: [] });
    }
  }
  if (!actor)
    deps.logger?.info(
      { shopCode, archived: summary.archived.length, failed: summary.failed },
      'orders archived after the sync (archiveProcessedOrders)',
    );
  return summary;
}

/** The shop's imported, processed, conflict-free orders not archived yet that the rule lets through. */
async function archivable(
  db: Kysely<Database>,
  shopCode: string,
  only: readonly string[] | undefined,
): Promise<Candidate[]> {
  if (only !== undefined && only.length === 0) return [];
  const found: Candidate[] = [];
  // Keyset pages keep a shop with years of orders in the memory of one page.
  let after = '';
  for (;;) {
    let query = db
      .selectFrom('shopify_orders')
      .select(['shopify_order_id', 'name', 'order_data', 'processed', 'conflict'])
      .where('shop_code', '=', shopCode)
      .where('archived_at', 'is', null)
      .where('processed', '=', true)
      .where('conflict', '=', false)
      .where('shopify_order_id', '>', after)
      .orderBy('shopify_order_id')
      .limit(500);
    if (only !== undefined) query = query.where('shopify_order_id', 'in', only);
    const rows = await query.execute();
    for (const row of rows) {
      const order = row.order_data as Order;
      const decision = archiveDecision({
        processed: row.processed,
        conflict: row.conflict,
        archived: false,
        financialStatus: order.financialStatus,
        fulfillmentStatus: order.fulfillmentStatus,
        outstandingMinor: order.totals.totalOutstanding.presentment.minor,
        cancelled: order.cancelledAt !== null,
      });
      if (decision.archive) found.push({ shopifyOrderId: row.shopify_order_id, name: row.name, order });
    }
    if (rows.length < 500) return found;
    after = rows[rows.length - 1]!.shopify_order_id;
  }
}

function ids(candidate: Candidate): Pick<ArchivedOrder, 'shopifyOrderId' | 'name'> {
  return { shopifyOrderId: candidate.shopifyOrderId, name: candidate.name };
}
