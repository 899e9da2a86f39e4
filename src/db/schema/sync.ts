import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, UpdatedAt } from './columns.ts';

/** Sync (migration 0002): one row per order waiting to be imported (seed 002 "Orders to Import"). */
export interface OrdersToImportTable {
  shop_code: string;
  shopify_order_id: string;
  name: string;
  created_at_shopify: ColumnType<Date, Date | string, Date | string>;
  updated_at_shopify: ColumnType<Date, Date | string, Date | string>;
  financial_status: string | null;
  fulfillment_status: string;
  channel: string | null;
  tags: Json<string[]>;
  risk_level: string | null;
  has_error: ColumnType<boolean, boolean | undefined, boolean>;
  error_code: string | null;
  error_message: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  staged_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Every payload version Shopify sent, with the Order mapped from it. */
export interface OrderVersionsTable {
  shop_code: string;
  shopify_order_id: string;
  updated_at_shopify: ColumnType<Date, Date | string, never>;
  payload: Json<unknown>;
  /** The mapped `Order` (src/domain/order.ts). */
  order_data: Json<unknown>;
  received_at: CreatedAt;
}

/** The order mirror: the newest imported state of each order. */
export interface ShopifyOrdersTable {
  shop_code: string;
  shopify_order_id: string;
  name: string;
  payment_reference: string | null;
  order_data: Json<unknown>;
  updated_at_shopify: ColumnType<Date, Date | string, Date | string>;
  processed: ColumnType<boolean, boolean | undefined, boolean>;
  document_nos: ColumnType<string[], string | undefined, string>;
  conflict: ColumnType<boolean, boolean | undefined, boolean>;
  conflict_message: string | null;
  imported_at: CreatedAt;
  updated_at: UpdatedAt;
  /** When the order was archived (closed in Shopify) by storebridge (migration 0017); null: not archived. */
  archived_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** Refunds seen on imported orders; zero-amount refunds from edits are not convertible (seed 002). */
export interface OrderRefundsTable {
  shop_code: string;
  shopify_order_id: string;
  shopify_refund_id: string;
  created_at_shopify: ColumnType<Date, Date | string, never>;
  amount_minor: ColumnType<number, number, never>;
  currency: string;
  convertible_to_credit_memo: boolean;
  reason: string | null;
  status: Generated<'pending' | 'waiting' | 'processed' | 'not_convertible' | 'error'>;
  /** Why it waits or is not convertible (the rule's reason code). */
  status_reason: string | null;
  error_code: string | null;
  error_message: string | null;
  attempts: Generated<number>;
  document_nos: ColumnType<string[], string | undefined, string>;
  processed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface SyncCursorsTable {
  shop_code: string;
  kind: 'orders';
  /** Shopify's updatedAt of the last order staged durably, verbatim; null before the first page. */
  cursor_value: string | null;
  first_sync_at: ColumnType<Date, Date | string, never>;
  updated_at: UpdatedAt;
}

/** Orders excluded from the sync by deleting their staging row, until Shopify changes them (0004). */
export interface ExcludedOrdersTable {
  shop_code: string;
  shopify_order_id: string;
  /** The excluded version: this one and older ones are not staged again. */
  updated_at_shopify: ColumnType<Date, Date | string, Date | string>;
  /** When it was (last) excluded. */
  excluded_at: UpdatedAt;
}

/** Webhook deliveries taken, without their bodies (0009). A repeat is not stored, hence no `duplicate`. */
/** Repeated webhook deliveries (migration 0018), counted per shop and topic; never stored as receipts. */
/** One row per group commit and topic that held repeats (0019: a log, not a counter). */
export interface WebhookRepeatsTable {
  id: Generated<number>;
  shop_code: string;
  topic: string;
  repeats: ColumnType<string | number, number | undefined, number>;
  received_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface WebhookReceiptsTable {
  id: Generated<number>;
  shop_code: string;
  topic: string;
  webhook_id: string;
  event_id: string | null;
  /** The order the delivery concerns; null for topics that concern none (inventory levels). */
  shopify_order_id: string | null;
  /** X-Shopify-Triggered-At: when the event happened in Shopify. */
  triggered_at: Date | null;
  /** The order's updated_at, when the payload is the whole order. */
  order_updated_at: Date | null;
  api_version: string | null;
  outcome: 'accepted' | 'stale' | 'ignored';
  received_at: CreatedAt;
}
