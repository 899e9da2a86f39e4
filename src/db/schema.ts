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

export interface DocumentsTable {
  id: Generated<number>;
  shop_code: string;
  type: 'sales_order' | 'sales_invoice' | 'cash_sale';
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
  location_code: string;
  quantity: number;
  voucher_type: 'inventory_adjustment';
  voucher_no: string;
  voucher_line_no: number;
  created_at: CreatedAt;
}
