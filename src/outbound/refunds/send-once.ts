import { authorizeOrAudit, recordAudit, type Action, type Actor } from '../../access/index.ts';
import { AppError, ConflictError } from '../../shared/errors.ts';
import type { ShopifyUserErrorDetail } from '../../shopify/index.ts';
import type { OutboundDeps } from './outbound-deps.ts';
import {
  assertSameRequest,
  claimRequest,
  findRequest,
  finishRequest,
  idempotencyKeyFor,
  pendingLeaseMs,
  requestHash,
  type OutboundKind,
  type OutboundRequestRow,
} from './outbound-requests.ts';

/** An outbound action as an agent asked for it. */
export interface OutboundContext {
  actor: Actor;
  action: Action;
  kind: OutboundKind;
  shopCode: string;
  shopifyOrderId: string;
  /** The request, normalised (no key): what the hash and the audit keep. */
  request: unknown;
  idempotencyKey?: string | undefined;
}

/** Shopify's answer to one call. */
export type ShopifyAnswer<R> =
  { ok: true; shopifyId: string | null; result: R } | { ok: false; userErrors: ShopifyUserErrorDetail[] };

/**
 * The action's outcome. `replayed`: an earlier call with this key had done it (its stored result,
 * or what a lost call was found to have done in Shopify), nothing was sent now.
 */
export type OutboundOutcome<R> =
  | { ok: true; idempotencyKey: string; replayed: boolean; result: R }
  | { ok: false; idempotencyKey: string; code: 'shopify_refused'; userErrors: ShopifyUserErrorDetail[] };

export interface OutboundSteps<R> {
  /** A pending row's call whose answer was lost: what it did in Shopify, or null when it did nothing. */
  findLost(row: OutboundRequestRow): Promise<{ shopifyId: string | null; result: R } | null>;
  /**
   * Reads and checks (throws for bad input); returns the plan kept on the row and the call.
   * `key` is the idempotency key in use (given or derived), for Shopify's own `@idempotent`.
   */
  prepare(key: string): Promise<{ plan: unknown; send: () => Promise<ShopifyAnswer<R>> }>;
}

/**
 * The role check, before anything is read, resolved or sent; a refusal is audited (403). The use
 * cases call it first thing, with the order as the user gave it.
 */
export async function authorizeAudited(
  deps: OutboundDeps,
  context: { actor: Actor; action: Action; shopCode: string; order: string; request: unknown },
): Promise<void> {
  await authorizeOrAudit(deps.sync.db, {
    actor: context.actor,
    action: context.action,
    shopCode: context.shopCode,
    target: `order ${context.order}`,
    request: context.request,
  });
}

/**
 * Exactly once (issue 8 item 2): the role is checked before anything is read or sent (refusal
 * audited); the key is recorded pending BEFORE Shopify is called; a succeeded key answers its
 * stored result; a pending key first looks in Shopify for what the lost call did; the same key
 * with another request is a conflict. Shopify's answer, the row and the audit commit together.
 * Shopify's user errors come back verbatim with nothing recorded as done (state refused).
 */
export async function sendOnce<R>(
  deps: OutboundDeps,
  context: OutboundContext,
  steps: OutboundSteps<R>,
): Promise<OutboundOutcome<R>> {
  const db = deps.sync.db;
  const now = () => deps.now?.() ?? new Date();
  const audit = (
    outcome: 'succeeded' | 'refused' | 'failed',
    shopifyAnswer: unknown,
    key: string | undefined,
    trx = db,
  ) =>
    recordAudit(trx, {
      actor: context.actor,
      action: context.action,
      shopCode: context.shopCode,
      target: `order ${context.shopifyOrderId}`,
      request: context.request,
      outcome,
      shopifyAnswer,
      idempotencyKey: key,
    });
  await authorizeAudited(deps, { ...context, order: context.shopifyOrderId });
  const hash = requestHash({ kind: context.kind, order: context.shopifyOrderId, request: context.request });
  const key = idempotencyKeyFor(context.idempotencyKey, context.kind, hash);
  const finish = async (row: OutboundRequestRow, answer: ShopifyAnswer<R>, found = false) => {
    const state = answer.ok ? 'succeeded' : 'refused';
    const stored = answer.ok ? answer.result : { userErrors: answer.userErrors };
    await db.transaction().execute(async (trx) => {
      await finishRequest(trx, row.id, {
        state,
        shopifyId: answer.ok ? answer.shopifyId : null,
        answer: stored,
        now: now(),
      });
      await audit(state, found ? { foundAfterLostAnswer: stored } : stored, key, trx);
    });
  };

  let row = await findRequest(db, context.shopCode, key);
  if (row) assertSameRequest(row, context.kind, hash);
  if (row?.state === 'succeeded')
    return { ok: true, idempotencyKey: key, replayed: true, result: row.shopify_answer as R };
  if (row?.state === 'pending') {
    if (now().getTime() - new Date(row.updated_at).getTime() < pendingLeaseMs)
      throw new ConflictError(
        `idempotencyKey: "${key}" is being sent to Shopify by another request right now; try again in a moment`,
      );
    const lost = await steps.findLost(row);
    if (lost) {
      await finish(row, { ok: true, ...lost }, true);
      return { ok: true, idempotencyKey: key, replayed: true, result: lost.result };
    }
  }

  let prepared: Awaited<ReturnType<OutboundSteps<R>['prepare']>>;
  try {
    prepared = await steps.prepare(key);
  } catch (error) {
    if (error instanceof AppError && !error.retryable) await audit('refused', { error: error.message }, key);
    throw error;
  }
  row = await claimRequest(
    db,
    {
      shopCode: context.shopCode,
      key,
      kind: context.kind,
      shopifyOrderId: context.shopifyOrderId,
      hash,
      request: { request: context.request, plan: prepared.plan },
      actor: context.actor,
      now: now(),
    },
    row,
  );
  let answer: ShopifyAnswer<R>;
  try {
    answer = await prepared.send();
  } catch (error) {
    // The row stays pending: Shopify may have acted; a retry looks there before sending again.
    await audit('failed', { error: (error as Error).message }, key);
    throw error;
  }
  await finish(row, answer);
  return answer.ok
    ? { ok: true, idempotencyKey: key, replayed: false, result: answer.result }
    : { ok: false, idempotencyKey: key, code: 'shopify_refused', userErrors: answer.userErrors };
}
