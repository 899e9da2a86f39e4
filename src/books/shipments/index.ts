/**
 * The back-office side of shipments (seed 002 "Synchronize shipments to Shopify"): shipping
 * agents, posting a shipment of a sales order (stock out, quantity shipped), listing shipments.
 * Sending them to Shopify is src/outbound/shipments.
 */
export { postShipment, type PostShipmentInput } from './post-shipment.ts';
export { planShipment, type RequestedLines, type ShippableLine } from './plan-shipment.ts';
export { listShipments } from './list-shipments.ts';
export { resetShipment } from './reset-shipment.ts';
export { loadShipments } from './shipment-rows.ts';
export {
  salesShipmentStatus,
  shipmentSendStatus,
  type SalesShipment,
  type SalesShipmentLine,
} from './sales-shipment.ts';
export {
  findShippingAgent,
  listShippingAgents,
  setShippingAgent,
  type ShippingAgent,
} from './shipping-agents.ts';
