import type { Address } from '../domain/order.ts';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The database as Kysely sees it: SQL snake_case, mapped to camelCase only at the edge
 * (each capability's repository). Money columns are `*_minor` bigints beside a currency.
 */
export interface Database {
  shops: ShopsTable;
  items: ItemsTable;
  locations: LocationsTable;
  customers: CustomersTable;
  gl_accounts: GlAccountsTable;
  orders_to_import: OrdersToImportTable;
  order_versions: OrderVersionsTable;
  shopify_orders: ShopifyOrdersTable;
  order_refunds: OrderRefundsTable;
  sync_cursors: SyncCursorsTable;
  excluded_orders: ExcludedOrdersTable;
  number_series: NumberSeriesTable;
  documents: DocumentsTable;
  document_lines: DocumentLinesTable;
  exchange_rates: ExchangeRatesTable;
  customer_links: CustomerLinksTable;
  stock_movements: StockMovementsTable;
  gl_entries: GlEntriesTable;
  webhook_receipts: WebhookReceiptsTable;
  shopify_budgets: ShopifyBudgetsTable;
  users: UsersTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  outbound_requests: OutboundRequestsTable;
  shipping_agents: ShippingAgentsTable;
  sales_shipments: SalesShipmentsTable;
  sales_shipment_lines: SalesShipmentLinesTable;
  invoice_exports: InvoiceExportsTable;
}

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface ShopsTable {
  code: string;
  name: string;
  shopify_domain: string;
  /** Validated shop settings without secrets (see src/shops/settings.ts). */
  settings: Json<Record<string, unknown>>;
  /** AES-256-GCM envelope of the shop's secrets (access token, client secret, webhook secret). */
  secrets: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type ItemType = 'inventory' | 'service';

export interface ItemsTable {
  no: string;
  sku: string | null;
  description: string;
  type: ItemType;
  unit_price_minor: ColumnType<number, number, number>;
  currency: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface LocationsTable {
  code: string;
  name: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CustomerAddressRecord extends Address {
  kind: 'billing' | 'shipping';
}

export interface CustomersTable {
  no: string;
  name: string;
  email: string | null;
  phone: string | null;
  addresses: Json<CustomerAddressRecord[]>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type GlAccountType = 'asset' | 'liability' | 'equity' | 'revenue' | 'expense';

export interface GlAccountsTable {
  no: string;
  name: string;
  account_type: GlAccountType;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

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

/**
 * Shopify's throttle bucket per shop, shared by every worker (0010, src/shopify/shared-budget.ts):
 * as last reported less what was reserved since, at `observed_at` (the database clock).
 */
export interface ShopifyBudgetsTable {
  shop_domain: string;
  /** Null until Shopify has reported the bucket. */
  maximum_available: number | null;
  restore_rate: ColumnType<number, number | undefined, number>;
  available: ColumnType<number, number | undefined, number>;
  observed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  reported_available: number | null;
  reported_at: Date | null;
  /** Reservations waiting for Shopify's answer (0012). */
  in_flight: ColumnType<number, number | undefined, number>;
  in_flight_at: Date | null;
  /** Another reservation was made while one was in flight, since the count was last 0. */
  overlapped: ColumnType<boolean, boolean | undefined, boolean>;
}

export type ShopRow = Selectable<ShopsTable>;
export type NewShopRow = Insertable<ShopsTable>;
export type ShopUpdate = Updateable<ShopsTable>;
export type ItemRow = Selectable<ItemsTable>;
export type LocationRow = Selectable<LocationsTable>;
export type CustomerRow = Selectable<CustomersTable>;
export type GlAccountRow = Selectable<GlAccountsTable>;
export type { Generated };

// --- books (migration 0003_books) ---

type Minor = ColumnType<number, number, number>;

export interface NumberSeriesTable {
  code: string;
  prefix: string;
  width: number;
  last_no: Minor;
}

/** Sales documents (0003) and the refund documents of the ledger (0005). */
export type DocumentTypeColumn =
  | 'sales_order'
  | 'sales_invoice'
  | 'cash_sale'
  | 'credit_memo'
  | 'inventory_credit_memo'
  | 'customer_refund'
  | 'sales_order_change'
  | 'inventory_adjustment';

export interface DocumentsTable {
  id: Generated<number>;
  shop_code: string;
  type: DocumentTypeColumn;
  number: string;
  status: string;
  shopify_order_id: string;
  shopify_order_name: string;
  shopify_refund_id: string | null;
  customer_no: string;
  currency: string;
  /** Units of local currency per unit of `currency`, a decimal string; null in local currency. */
  exchange_rate: string | null;
  /** YYYY-MM-DD in the shop's time zone. */
  document_date: string;
  shipment_method_code: string | null;
  shipping_agent_code: string | null;
  shipping_agent_service_code: string | null;
  tax_area_code: string | null;
  amount_minor: Minor;
  tax_amount_minor: Minor;
  amount_including_tax_minor: Minor;
  unlinked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The document no. a refund document corrects or pays back (0005). */
  applies_to: string | null;
  /** Customer refunds (seed 000): the gateway, the account paid from, Shopify's transaction. */
  payment_method: string | null;
  paid_from_account: string | null;
  payment_reference: string | null;
  shopify_transaction_id: string | null;
  posted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Sales documents: ids of the order's refunds already in their quantities. */
  reflected_refund_ids: ColumnType<string[], string | undefined, string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DocumentLinesTable {
  document_id: number;
  line_no: number;
  type: 'item' | 'gl_account' | 'item_charge' | 'comment';
  no: string | null;
  description: string;
  quantity: number;
  unit_price_minor: Minor;
  line_discount_minor: Minor;
  amount_minor: Minor;
  tax_amount_minor: Minor;
  location_code: string | null;
  released_quantity: ColumnType<number, number | undefined, number>;
  shopify_line_id: string | null;
  /** Refund documents: why the line is there (docs/refunds.md). */
  reason: string | null;
  /** Sales order changes: the sales order line changed (null: a line added) and its released change. */
  sales_order_line_no: number | null;
  released_quantity_change: number | null;
  /** Sales order lines: units its posted shipments took (0015). */
  quantity_shipped: ColumnType<number, number | undefined, number>;
  /** Back-office lines whose quantity is not whole: the exact decimal (0016); null otherwise. */
  exact_quantity: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ExchangeRatesTable {
  currency: string;
  starting_date: string;
  rate: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CustomerLinksTable {
  shop_code: string;
  kind: 'customer' | 'company';
  shopify_id: string;
  customer_no: string;
  created_at: CreatedAt;
}

export interface StockMovementsTable {
  id: Generated<number>;
  item_no: string;
  /** null: a return to the blank return location (seed 002). */
  location_code: string | null;
  quantity: number;
  voucher_type:
    | 'inventory_adjustment'
    | 'credit_memo'
    | 'inventory_credit_memo'
    | 'sales_invoice'
    | 'cash_sale'
    | 'sales_shipment';
  voucher_no: string;
  voucher_line_no: number;
  kind: ColumnType<
    'adjustment' | 'sale' | 'return' | 'exchange_out' | 'adjustment_out',
    'adjustment' | 'sale' | 'return' | 'exchange_out' | 'adjustment_out' | undefined,
    never
  >;
  created_at: CreatedAt;
}

/** The general ledger (0005): append-only, each document's entries balance. */
export interface GlEntriesTable {
  id: Generated<number>;
  shop_code: string;
  posting_date: string;
  document_type: string;
  document_no: string;
  line_no: number;
  account_no: string;
  description: string;
  /** Local currency, minor units; one of debit and credit is 0. */
  debit_minor: Minor;
  credit_minor: Minor;
  currency: string;
  /** The document's amount the entry comes from, signed (debit +), in the document's currency. */
  source_currency: string;
  source_amount_minor: Minor;
  created_at: CreatedAt;
}

/** Access (migration 0013): users, their hashed API keys, and the audit log of outbound actions. */
export interface UsersTable {
  id: Generated<number>;
  name: string;
  role: 'admin' | 'agent' | 'read_only';
  created_at: CreatedAt;
  disabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ApiKeysTable {
  id: Generated<number>;
  user_id: number;
  /** The key's first characters, shown in listings so a person can tell keys apart. */
  prefix: string;
  /** SHA-256 of the whole key, hex. */
  key_hash: string;
  label: string | null;
  created_at: CreatedAt;
  last_used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  user_id: number | null;
  user_name: string;
  role: string;
  via: 'api' | 'cli';
  action: string;
  shop_code: string | null;
  target: string | null;
  request: Json<unknown>;
  outcome: 'succeeded' | 'refused' | 'failed';
  shopify_answer: ColumnType<unknown, string | null | undefined, string | null>;
  idempotency_key: string | null;
}

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
