export const fulfillmentOrderStatuses = [
  'open',
  'in_progress',
  'closed',
  'cancelled',
  'incomplete',
  'on_hold',
  'scheduled',
] as const;
export type FulfillmentOrderStatus = (typeof fulfillmentOrderStatuses)[number];

export interface FulfillmentOrderLineItem {
  id: number;
  lineItemId: number;
  inventoryItemId: number | null;
  variantId: number | null;
  totalQuantity: number;
  fulfillableQuantity: number;
}

export interface FulfillmentHold {
  reason: string;
  reasonNotes: string | null;
}

export interface FulfillmentOrder {
  id: number;
  orderId: number;
  assignedLocationId: number;
  status: FulfillmentOrderStatus;
  requestStatus: 'unsubmitted' | 'submitted' | 'accepted' | 'rejected' | 'closed';
  lineItems: FulfillmentOrderLineItem[];
  holds: FulfillmentHold[];
  fulfillAt: string | null;
  fulfillBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TrackingInfo {
  company: string | null;
  number: string | null;
  url: string | null;
}

export type FulfillmentStatus = 'pending' | 'open' | 'success' | 'cancelled' | 'error' | 'failure';

export interface FulfillmentLineItem {
  id: number;
  lineItemId: number;
  fulfillmentOrderId: number;
  fulfillmentOrderLineItemId: number;
  quantity: number;
}

export interface Fulfillment {
  id: number;
  orderId: number;
  name: string;
  status: FulfillmentStatus;
  locationId: number;
  service: string;
  shipmentStatus: string | null;
  tracking: TrackingInfo[];
  notifyCustomer: boolean;
  message: string | null;
  lineItems: FulfillmentLineItem[];
  createdAt: string;
  updatedAt: string;
}
