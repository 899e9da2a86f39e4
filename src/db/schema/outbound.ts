import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, UpdatedAt } from './columns.ts';

/** Agent refunds, cancels and mark-as-paid sent to Shopify (migration 0014), one row per idempotency key. */
export interface OutboundRequestsTable {
  id: Generated<number>;
  shop_code: string;
  idempotency_key: string;
  kind: 'refund' | 'cancel' | 'mark_as_paid';
  shopify_order_id: string;
  /** SHA-256 of the normalised request: the same key with another request is a conflict. */
  request_hash: string;
  request: Json<unknown>;
  state: 'pending' | 'succeeded' | 'refused';
  /** The created refund's id (refund), else null. */
  shopify_id: string | null;
  shopify_answer: ColumnType<unknown, string | null | undefined, string | null>;
  user_id: number | null;
  user_name: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
/** Shipments (migration 0015): shipping agents, posted sales shipments and their send state to Shopify. */
export interface ShippingAgentsTable {
  code: string;
  name: string;
  shopify_tracking_company: string | null;
  /** A package tracking URL with `{number}` where the tracking no. goes. */
  tracking_url_template: string | null;
  services: Json<string[]>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type ShipmentSendStatus = 'pending' | 'sent' | 'failed' | 'not_sendable';

export interface SalesShipmentsTable {
  id: Generated<number>;
  shop_code: string;
  number: string;
  status: 'posted';
  sales_order_no: string;
  shopify_order_id: string;
  shopify_order_name: string;
  posting_date: string;
  shipping_agent_code: string | null;
  shipping_agent_service_code: string | null;
  tracking_number: string | null;
  tracking_url: string | null;
  posted_by: string;
  send_status: ColumnType<ShipmentSendStatus, ShipmentSendStatus | undefined, ShipmentSendStatus>;
  send_attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  attempt_started_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
}

export interface SalesShipmentLinesTable {
  shipment_id: number;
  line_no: number;
  sales_order_line_no: number;
  item_no: string;
  description: string;
  location_code: string | null;
  quantity: number;
  shopify_line_id: string | null;
  shopify_fulfillment_id: string | null;
}
/** Back-office invoices and their export to Shopify (0016, seed 002 "Export posted sales invoices"). */
export interface InvoiceExportsTable {
  document_id: number;
  shop_code: string;
  document_no: string;
  /** The seed's "Shopify Order ID": 0 not_exported, the order id exported, -1 failed, -2 excluded. */
  state: ColumnType<
    'not_exported' | 'exported' | 'failed' | 'excluded',
    'not_exported' | 'exported' | 'failed' | 'excluded' | undefined,
    'not_exported' | 'exported' | 'failed' | 'excluded'
  >;
  /** The customer ledger entry's remaining amount, document currency minor units. */
  remaining_amount_minor: ColumnType<number, number, number>;
  shopify_draft_order_id: string | null;
  shopify_order_id: string | null;
  reason_code: string | null;
  message: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  updated_at: UpdatedAt;
}
