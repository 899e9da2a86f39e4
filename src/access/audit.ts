import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import type { Actor } from './actor.ts';
import type { Action } from './roles.ts';

export type AuditOutcome = 'succeeded' | 'refused' | 'failed';

/** One outbound action as the audit log keeps it: who, when (the row's time), what, Shopify's answer. */
export interface AuditEntry {
  actor: Actor;
  action: Action;
  shopCode?: string | undefined;
  /** What was acted on, e.g. `order 5001` or `shipment SHIP-000004`. */
  target?: string | undefined;
  /** The request as the user made it (no secrets). */
  request: unknown;
  /** succeeded; refused (by our rules, the role, or Shopify's user errors); failed (an error). */
  outcome: AuditOutcome;
  /** Shopify's answer: the created object's ids, or its user errors verbatim. */
  shopifyAnswer?: unknown;
  idempotencyKey?: string | undefined;
}

/**
 * Writes the entry. Call it with the transaction that records the action's local effects when
 * there is one, so that the log and the effects commit together.
 */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      user_id: entry.actor.userId,
      user_name: entry.actor.userName,
      role: entry.actor.role,
      via: entry.actor.via,
      action: entry.action,
      shop_code: entry.shopCode ?? null,
      target: entry.target ?? null,
      request: JSON.stringify(entry.request ?? null),
      outcome: entry.outcome,
      shopify_answer: entry.shopifyAnswer === undefined ? null : JSON.stringify(entry.shopifyAnswer),
      idempotency_key: entry.idempotencyKey ?? null,
    })
    .execute();
}
