import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { SalesShipment } from './sales-shipment.ts';
import { loadShipments } from './shipment-rows.ts';

/** Posted shipments with their send state (`storebridge shipments`), oldest first. */
export function listShipments(
  db: Kysely<Database>,
  filter: { shopCode?: string | undefined } = {},
): Promise<SalesShipment[]> {
  return loadShipments(db, filter);
}
