export {
  fetchShipmentFulfillmentOrders,
  type ShipmentFulfillmentOrder,
} from './fetch-shipment-fulfillment-orders.ts';
export {
  createFulfillment,
  type FulfillmentCreateInput,
  type FulfillmentCreateResult,
} from './create-fulfillment.ts';
