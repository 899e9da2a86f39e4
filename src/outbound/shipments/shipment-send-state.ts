import { sql, type Kysely } from 'kysely';
import { recordAudit, type Actor, type AuditOutcome } from '../../access/index.ts';
import { shipmentSendStatus, type SalesShipment } from '../../books/shipments/index.ts';
import type { Database, ShipmentSendStatus } from '../../db/index.ts';
import { AppError } from '../../shared/errors.ts';

/** The send state of a posted shipment moves only through shipmentSendStatus (data). */
export class IllegalSendTransitionError extends AppError {
  readonly code = 'illegal_send_transition';
  readonly retryable = false;
}

function check(shipment: SalesShipment, to: ShipmentSendStatus): void {
  if (!(shipmentSendStatus[shipment.sendStatus] as readonly string[]).includes(to))
    throw new IllegalSendTransitionError(
      `Shipment ${shipment.number} cannot go from ${shipment.sendStatus} to ${to}`,
    );
}

export interface AuditOfSend {
  actor: Actor;
  outcome: AuditOutcome;
  request: unknown;
  shopifyAnswer: unknown;
}

/**
 * Before the mutation, committed on its own: a later run knows an attempt may have reached
 * Shopify. Also the claim of the shipment: it is taken only if its marker is still what this run
 * read (`expected`), so of two runs racing for one shipment only one sends. false: another run has it.
 */
export async function markAttemptStarted(
  db: Kysely<Database>,
  shipment: SalesShipment,
  expected: string | null,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('sales_shipments')
    .set({ attempt_started_at: at, send_attempts: sql<number>`send_attempts + 1` })
    .where('id', '=', shipment.id)
    .where(sql<boolean>`attempt_started_at is not distinct from ${expected}::timestamptz`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Lines sent in a fulfillment, and the audit of Shopify's answer, together. */
export async function recordFulfillment(
  db: Kysely<Database>,
  shipment: SalesShipment,
  lineFulfillments: ReadonlyMap<number, string>,
  audit: AuditOfSend,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [lineNo, fulfillmentId] of lineFulfillments)
      await trx
        .updateTable('sales_shipment_lines')
        .set({ shopify_fulfillment_id: fulfillmentId })
        .where('shipment_id', '=', shipment.id)
        .where('line_no', '=', lineNo)
        .where('shopify_fulfillment_id', 'is', null)
        .execute();
    await auditSend(trx, shipment, audit);
  });
}

/** The end of a send: sent (the unsendable lines reported), not sendable, or failed with the message. */
export async function finishSend(
  db: Kysely<Database>,
  shipment: SalesShipment,
  to: ShipmentSendStatus,
  detail: { message: string | null; keepAttempt: boolean; at: Date; audit?: AuditOfSend | undefined },
): Promise<void> {
  check(shipment, to);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sales_shipments')
      .set({
        send_status: to,
        last_error: detail.message,
        ...(to === 'sent' && { sent_at: detail.at }),
        ...(!detail.keepAttempt && { attempt_started_at: null }),
      })
      .where('id', '=', shipment.id)
      .execute();
    if (detail.audit) await auditSend(trx, shipment, detail.audit);
  });
}

async function auditSend(trx: Kysely<Database>, shipment: SalesShipment, audit: AuditOfSend): Promise<void> {
  await recordAudit(trx, {
    actor: audit.actor,
    action: 'shipments.sync',
    shopCode: shipment.shopCode,
    target: `shipment ${shipment.number} (order ${shipment.shopifyOrderName}, id ${shipment.shopifyOrderId})`,
    request: audit.request,
    outcome: audit.outcome,
    shopifyAnswer: audit.shopifyAnswer,
    idempotencyKey: shipment.number,
  });
}

/** Every fulfillment id already recorded on a shipment of the order. */
export async function recordedFulfillmentIds(
  db: Kysely<Database>,
  shopCode: string,
  shopifyOrderId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('sales_shipment_lines')
    .innerJoin('sales_shipments', 'sales_shipments.id', 'sales_shipment_lines.shipment_id')
    .select('sales_shipment_lines.shopify_fulfillment_id')
    .where('sales_shipments.shop_code', '=', shopCode)
    .where('sales_shipments.shopify_order_id', '=', shopifyOrderId)
    .where('sales_shipment_lines.shopify_fulfillment_id', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.shopify_fulfillment_id!));
}
