import { authorizeOrAudit, type Actor } from '../../access/index.ts';
import { loadShipments } from '../../books/shipments/index.ts';
import { getShopConnection } from '../../shops/index.ts';
import { sendShipment, type ShipmentSendResult } from './send-shipment.ts';
import { shipmentClients, type ShipmentsDeps } from './shipments-deps.ts';

export interface SyncShipmentsSummary {
  sent: number;
  failed: number;
  notSendable: number;
  shipments: ShipmentSendResult[];
}

/**
 * `storebridge sync shipments --shop <code>` (seed 002 "Sync Shipments to Shopify"): every posted
 * shipment of the shop not yet sent (pending, or failed and retried) goes to Shopify, oldest
 * first. Job-free: the worker can call it as it is. The role is checked before anything is read
 * from or sent to Shopify; a refusal is audited.
 */
export async function syncShipments(
  deps: ShipmentsDeps,
  actor: Actor,
  shopCode: string,
): Promise<SyncShipmentsSummary> {
  await authorizeOrAudit(
    deps.db,
    { actor, action: 'shipments.sync', shopCode, target: `shop ${shopCode}`, request: { sync: 'shipments' } },
    (refusal) => ({ error: refusal.message }),
  );
  const connection = await getShopConnection(deps, shopCode);
  const shipments = await loadShipments(deps.db, { shopCode, sendStatuses: ['pending', 'failed'] });
  const summary: SyncShipmentsSummary = { sent: 0, failed: 0, notSendable: 0, shipments: [] };
  if (shipments.length === 0) return summary;
  const clients = (deps.clientsFor ?? ((c) => shipmentClients(c, deps.logger)))(connection);
  for (const shipment of shipments) {
    const sent = await sendShipment(deps, actor, connection, clients, shipment);
    summary.shipments.push(sent);
    if (sent.status === 'sent') summary.sent++;
    else if (sent.status === 'failed') summary.failed++;
    else if (sent.status === 'not_sendable') summary.notSendable++;
  }
  return summary;
}
