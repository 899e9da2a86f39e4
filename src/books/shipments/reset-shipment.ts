import type { Kysely } from 'kysely';
import { authorizeOrAudit, recordAudit, type Actor } from '../../access/index.ts';
import type { Database } from '../../db/index.ts';
import { ConflictError, NotFoundError } from '../../shared/errors.ts';
import { shipmentSendStatus, type SalesShipment } from './sales-shipment.ts';
import { loadShipments } from './shipment-rows.ts';

/**
 * Puts a failed or not sendable shipment back to pending, for the next `sync shipments` (seed 002:
 * "replace -1 and -2 with 0 to retry the export"). The posted shipment itself does not change.
 */
export async function resetShipment(
  db: Kysely<Database>,
  actor: Actor,
  input: { shopCode: string; number: string },
): Promise<SalesShipment> {
  const audit = {
    actor,
    action: 'shipments.sync' as const,
    shopCode: input.shopCode,
    target: `shipment ${input.number}`,
  };
  await authorizeOrAudit(db, { ...audit, request: { reset: input } }, (refusal) => ({
    error: refusal.message,
  }));
  return db.transaction().execute(async (trx) => {
    const [shipment] = await loadShipments(trx, { shopCode: input.shopCode, number: input.number });
    if (!shipment)
      throw new NotFoundError(`shipment: shop ${input.shopCode} has no shipment ${input.number}`);
    if (!(shipmentSendStatus[shipment.sendStatus] as readonly string[]).includes('pending'))
      throw new ConflictError(
        `shipment: ${input.number} is ${shipment.sendStatus}; only a failed or not sendable shipment is reset`,
      );
    await trx
      .updateTable('sales_shipments')
      .set({ send_status: 'pending', last_error: null })
      .where('id', '=', shipment.id)
      .execute();
    await recordAudit(trx, { ...audit, request: { reset: input }, outcome: 'succeeded' });
    const [reset] = await loadShipments(trx, { number: input.number });
    return reset!;
  });
}
