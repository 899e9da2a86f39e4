import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import type { Order } from '../domain/order.ts';
import { decideOrderUpdate } from '../rules/order-change.ts';
import {
  orderEligibility,
  type EligibilitySettings,
  type IneligibleReason,
} from '../rules/order-eligibility.ts';
import { saveCursor, type SyncCursor } from './cursor.ts';
import { clearExclusions, findExcludedVersions } from './exclusion-repository.ts';
import {
  findMirroredOrders,
  saveOrderVersions,
  upsertMirroredOrder,
  type MirroredOrder,
} from './mirror-repository.ts';
import { documentNoAttributeKey, type FetchedOrder } from './ports.ts';
import { findStagedOrders, upsertStagedOrders, type StagedOrder } from './staging-repository.ts';

/**
 * What step 1 did with one fetched order: staged; current (a version as new was already staged or
 * mirrored); unchanged (only our own write-back changed); excluded (an operator deleted its row
 * and Shopify has not changed it since); or why it is not eligible.
 */
export type StagingOutcome = 'staged' | 'current' | 'unchanged' | 'excluded' | IneligibleReason;

export interface StagingContext {
  shopCode: string;
  settings: EligibilitySettings;
  firstSyncAt: string;
}

/**
 * One page of step 1, in the caller's transaction: every payload version is kept, eligible
 * changes are staged, and the cursor moves past the page, so a run that dies halfway resumes
 * after the last committed page and loses nothing (docs/order-import.md).
 */
export async function stagePage(
  trx: Kysely<Database>,
  context: StagingContext,
  orders: readonly FetchedOrder[],
  /** Where the run is; null for one order read on its own (a webhook's), which moves no cursor. */
  cursor: SyncCursor | null,
): Promise<StagingOutcome[]> {
  const { shopCode } = context;
  // The whole page in a handful of statements: the versions, then what is known of each order,
  // then the decisions in page order (the maps follow each decision, as re-reading them would).
  await saveOrderVersions(trx, shopCode, orders);
  const ids = [...new Set(orders.map((fetched) => fetched.order.shopifyId))];
  const mirrors = await findMirroredOrders(trx, shopCode, ids);
  const stagedRows: Map<string, StagedOrder> = await findStagedOrders(trx, shopCode, ids);
  const exclusions = await findExcludedVersions(trx, shopCode, ids);
  const toStage: Order[] = [];
  const cleared = new Set<string>();
  const outcomes: StagingOutcome[] = [];
  for (const { order } of orders) {
    const id = order.shopifyId;
    const mirrored = mirrors.get(id);
    const staged = stagedRows.get(id);
    const excludedVersion = exclusions.get(id);
    const outcome = stagingDecision({ order, mirrored, staged, excludedVersion, context });
    if (outcome === 'staged') {
      toStage.push(order);
      stagedRows.set(id, stagedHeader(shopCode, order, staged));
      if (excludedVersion) {
        cleared.add(id);
        exclusions.delete(id);
      }
    }
    if (outcome === 'unchanged' && mirrored) {
      // Only our own document no. attribute (or nothing) changed: the mirror follows silently, so
      // the write-back never comes back as an edit (seed 002 "Add ... Doc. No. as Attribute").
      await upsertMirroredOrder(trx, shopCode, { order, conflictMessage: mirrored.conflictMessage });
      mirrors.set(id, { ...mirrored, order, updatedAt: order.updatedAt });
    }
    outcomes.push(outcome);
  }
  await upsertStagedOrders(trx, shopCode, toStage);
  await clearExclusions(trx, shopCode, [...cleared]);
  if (cursor) await saveCursor(trx, shopCode, cursor);
  return outcomes;
}

/** The staging row upsertStagedOrder leaves for this version (what a re-read would find). */
function stagedHeader(shopCode: string, order: Order, previous: StagedOrder | undefined): StagedOrder {
  return {
    shopCode,
    shopifyOrderId: order.shopifyId,
    name: order.name,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    channel: order.channel,
    tags: order.tags,
    riskLevel: order.riskLevel,
    hasError: false,
    errorCode: null,
    errorMessage: null,
    attempts: previous?.attempts ?? 0,
    stagedAt: previous?.stagedAt ?? new Date().toISOString(),
  };
}

/** Pure: stage this version of the order, or why not. */
export function stagingDecision(input: {
  order: Order;
  mirrored: MirroredOrder | undefined;
  staged: StagedOrder | undefined;
  /** updatedAt of the version an operator excluded by deleting its row, if any. */
  excludedVersion?: string | undefined;
  context: StagingContext;
}): StagingOutcome {
  const { order, mirrored, staged, excludedVersion, context } = input;
  const updatedMs = Date.parse(order.updatedAt);
  // An older or replayed version never overwrites a newer one.
  if (mirrored && Date.parse(mirrored.updatedAt) >= updatedMs) return 'current';
  if (staged && Date.parse(staged.updatedAt) >= updatedMs) return 'current';
  // seed 002: a deleted row stays excluded until the order changes in Shopify.
  if (excludedVersion && Date.parse(excludedVersion) >= updatedMs) return 'excluded';
  const eligibility = orderEligibility({
    order,
    settings: context.settings,
    firstSyncAt: context.firstSyncAt,
    known: mirrored !== undefined,
  });
  if (!eligibility.eligible) return eligibility.reason;
  if (mirrored && !staged) {
    const decision = decideOrderUpdate({
      previous: mirrored.order,
      next: order,
      processed: mirrored.processed,
      ownAttributeKey: documentNoAttributeKey,
    });
    if (decision.action === 'no_change') return 'unchanged';
  }
  return 'staged';
}
