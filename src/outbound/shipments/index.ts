/**
 * Posted shipments -> Shopify fulfillments (seed 002 "Synchronize shipments to Shopify",
 * docs/shipments.md). The back-office side (posting, agents) is src/books/shipments.
 */
export { syncShipments, type SyncShipmentsSummary } from './sync-shipments.ts';
export { sendShipment, type ShipmentSendResult } from './send-shipment.ts';
export { shipmentClients, type ShipmentClients, type ShipmentsDeps } from './shipments-deps.ts';
export { registerShipmentRoutes } from './http-routes.ts';
