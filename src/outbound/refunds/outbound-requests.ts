import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../../access/index.ts';
import type { Database, OutboundRequestsTable } from '../../db/index.ts';
import { ConflictError } from '../../shared/errors.ts';

export type OutboundKind = OutboundRequestsTable['kind'];
export type OutboundRequestRow = Selectable<OutboundRequestsTable>;

/**
 * A pending request younger than this is taken to be in flight on another worker: a retry is
 * told to come back rather than sending the same thing to Shopify alongside it (Default: 2 min,
 * well above a refundCreate's answer time and the client's throttle waits).
 */
export const pendingLeaseMs = 2 * 60_000;

/** SHA-256 of a JSON value with its keys sorted: the same request always hashes the same. */
export function requestHash(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The agent's key, or one derived from the request so that a repeated identical request runs once. */
export function idempotencyKeyFor(given: string | undefined, kind: OutboundKind, hash: string): string {
  return given?.trim() || `${kind}-${hash.slice(0, 32)}`;
}

export async function findRequest(
  db: Kysely<Database>,
  shopCode: string,
  key: string,
): Promise<OutboundRequestRow | undefined> {
  return db
    .selectFrom('outbound_requests')
    .selectAll()
    .where('shop_code', '=', shopCode)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** The same key with another request is a mistake of the caller's, never a second action. */
export function assertSameRequest(row: OutboundRequestRow, kind: OutboundKind, hash: string): void {
  if (row.kind !== kind || row.request_hash !== hash)
    throw new ConflictError(
      `idempotencyKey: "${row.idempotency_key}" was already used for another request (${row.kind} of order ${row.shopify_order_id}); use a new key`,
    );
}

/**
 * Records the request as pending BEFORE Shopify is called (issue 8 item 2): inserted, or a refused
 * (or taken-over pending) row of the same request made pending again. Committed on its own, so a
 * crash after the call leaves the trace a retry looks for. A concurrent claim of the same key
 * loses on the unique key and is told so.
 */
export async function claimRequest(
  db: Kysely<Database>,
  input: {
    shopCode: string;
    key: string;
    kind: OutboundKind;
    shopifyOrderId: string;
    hash: string;
    request: unknown;
    actor: Actor;
    now: Date;
  },
  previous: OutboundRequestRow | undefined,
): Promise<OutboundRequestRow> {
  const values = {
    request: JSON.stringify(input.request),
    state: 'pending' as const,
    user_id: input.actor.userId,
    user_name: input.actor.userName,
    updated_at: input.now,
  };
  const row = previous
    ? await db
        .updateTable('outbound_requests')
        .set(values)
        .where('id', '=', previous.id)
        .where('state', '=', previous.state)
        .where('updated_at', '=', previous.updated_at)
        .returningAll()
        .executeTakeFirst()
    : await db
        .insertInto('outbound_requests')
        .values({
          ...values,
          shop_code: input.shopCode,
          idempotency_key: input.key,
          kind: input.kind,
          shopify_order_id: input.shopifyOrderId,
          request_hash: input.hash,
          created_at: input.now,
        })
        .onConflict((oc) => oc.columns(['shop_code', 'idempotency_key']).doNothing())
        .returningAll()
        .executeTakeFirst();
  if (!row)
    throw new ConflictError(
      `idempotencyKey: "${input.key}" is being sent to Shopify by another request right now; try again in a moment`,
    );
  return row;
}

/** Shopify's answer, in the caller's transaction (with the audit entry and any local effects). */
export async function finishRequest(
  db: Kysely<Database>,
  id: number,
  outcome: { state: 'succeeded' | 'refused'; shopifyId?: string | null; answer: unknown; now: Date },
): Promise<void> {
  await db
    .updateTable('outbound_requests')
    .set({
      state: outcome.state,
      shopify_id: outcome.shopifyId ?? null,
      shopify_answer: JSON.stringify(outcome.answer ?? null),
      updated_at: outcome.now,
    })
    .where('id', '=', id)
    .execute();
}

/** Refund ids other requests of the order already account for (a lost answer is matched once). */
export async function claimedShopifyIds(
  db: Kysely<Database>,
  shopCode: string,
  shopifyOrderId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('outbound_requests')
    .select('shopify_id')
    .where('shop_code', '=', shopCode)
    .where('shopify_order_id', '=', shopifyOrderId)
    .where('shopify_id', 'is not', null)
    .execute();
  return new Set(rows.map((row) => row.shopify_id!));
}
