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
import {
  findMirroredOrder,
  saveOrderVersion,
  upsertMirroredOrder,
  type MirroredOrder,
} from './mirror-repository.ts';
import { documentNoAttributeKey, type FetchedOrder } from './ports.ts';
import { findStagedOrder, upsertStagedOrder, type StagedOrder } from './staging-repository.ts';

/** What step 1 did with one fetched order. */
export type StagingOutcome = 'staged' | 'current' | 'unchanged' | IneligibleReason;

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
  cursor: SyncCursor,
): Promise<StagingOutcome[]> {
  const outcomes: StagingOutcome[] = [];
  for (const fetched of orders) outcomes.push(await stageOne(trx, context, fetched));
  await saveCursor(trx, context.shopCode, cursor);
  return outcomes;
}

async function stageOne(
  trx: Kysely<Database>,
  context: StagingContext,
  fetched: FetchedOrder,
): Promise<StagingOutcome> {
  const { order } = fetched;
  await saveOrderVersion(trx, context.shopCode, fetched);
  const mirrored = await findMirroredOrder(trx, context.shopCode, order.shopifyId);
  const staged = await findStagedOrder(trx, context.shopCode, order.shopifyId);
  const outcome = stagingDecision({ order, mirrored, staged, context });
  if (outcome === 'staged') await upsertStagedOrder(trx, context.shopCode, order);
  if (outcome === 'unchanged' && mirrored) {
    // Only our own document no. attribute (or nothing) changed: the mirror follows silently, so
    // the write-back never comes back as an edit (seed 002 "Add ... Doc. No. as Attribute").
    await upsertMirroredOrder(trx, context.shopCode, { order, conflictMessage: mirrored.conflictMessage });
  }
  return outcome;
}

/** Pure: stage this version of the order, or why not. */
export function stagingDecision(input: {
  order: Order;
  mirrored: MirroredOrder | undefined;
  staged: StagedOrder | undefined;
  context: StagingContext;
}): StagingOutcome {
  const { order, mirrored, staged, context } = input;
  const updatedMs = Date.parse(order.updatedAt);
  // An older or replayed version never overwrites a newer one.
  if (mirrored && Date.parse(mirrored.updatedAt) >= updatedMs) return 'current';
  if (staged && Date.parse(staged.updatedAt) >= updatedMs) return 'current';
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
