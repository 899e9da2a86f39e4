import type { ShipmentSendStatus } from '../../db/index.ts';

/**
 * A posted sales shipment (seed 002 "Posted Sales Shipment"): units of a sales order's lines that
 * left their location, with the tracking the customer gets. Posted when written, never changed;
 * its send state to Shopify is kept beside it (docs/shipments.md).
 */
export interface SalesShipment {
  id: number;
  number: string;
  status: 'posted';
  shopCode: string;
  salesOrderNo: string;
  shopifyOrderId: string;
  shopifyOrderName: string;
  postingDate: string;
  shippingAgentCode: string | null;
  shippingAgentServiceCode: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  postedBy: string;
  /** pending (not sent yet), sent, failed (Shopify's message in lastError; retried), not_sendable. */
  sendStatus: ShipmentSendStatus;
  sendAttempts: number;
  lastError: string | null;
  /** Set while a send is under way: a later run first looks for what that attempt created. */
  attemptStartedAt: string | null;
  sentAt: string | null;
  lines: SalesShipmentLine[];
}

export interface SalesShipmentLine {
  lineNo: number;
  salesOrderLineNo: number;
  itemNo: string;
  description: string;
  locationCode: string | null;
  quantity: number;
  /** The Shopify order line it ships; null for a line added in the back office. */
  shopifyLineId: string | null;
  /** The Shopify fulfillment it went out in; null until sent. */
  shopifyFulfillmentId: string | null;
}

/**
 * Send states as data (STYLE.md): a failure is retried by the next run, a sent shipment is done.
 * An operator may put a failed or not sendable one back to pending (seed 002: for posted sales
 * shipments "the Update Document page lets you replace -1 and -2 with 0 to retry the export").
 */
export const shipmentSendStatus = {
  pending: ['sent', 'failed', 'not_sendable'],
  failed: ['sent', 'failed', 'not_sendable', 'pending'],
  sent: [],
  not_sendable: ['pending'],
} as const satisfies Record<ShipmentSendStatus, readonly ShipmentSendStatus[]>;

/** The document's own status machine: a shipment is posted when written and never moves. */
export const salesShipmentStatus = { posted: [] } as const;
