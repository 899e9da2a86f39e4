import type { ApiKeysTable, AuditLogTable, SessionsTable, UsersTable } from './schema/access.ts';
import type {
  CustomerLinksTable,
  DocumentLinesTable,
  DocumentsTable,
  ExchangeRatesTable,
  GlEntriesTable,
  NumberSeriesTable,
  StockMovementsTable,
} from './schema/books.ts';
import type {
  CustomersTable,
  GlAccountsTable,
  ItemsTable,
  LocationsTable,
  ShopsTable,
} from './schema/master-data.ts';
import type {
  InvoiceExportsTable,
  OutboundRequestsTable,
  SalesShipmentLinesTable,
  SalesShipmentsTable,
  ShippingAgentsTable,
} from './schema/outbound.ts';
import type { ShopifyBudgetsTable } from './schema/runtime.ts';
import type {
  ExcludedOrdersTable,
  OrderRefundsTable,
  OrderVersionsTable,
  OrdersToImportTable,
  ShopifyOrdersTable,
  SyncCursorsTable,
  WebhookReceiptsTable,
  WebhookRepeatsTable,
} from './schema/sync.ts';

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
  webhook_repeats: WebhookRepeatsTable;
  shopify_budgets: ShopifyBudgetsTable;
  users: UsersTable;
  api_keys: ApiKeysTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  outbound_requests: OutboundRequestsTable;
  shipping_agents: ShippingAgentsTable;
  sales_shipments: SalesShipmentsTable;
  sales_shipment_lines: SalesShipmentLinesTable;
  invoice_exports: InvoiceExportsTable;
}

/** Each capability's tables, in its own file under schema/. */
export type * from './schema/columns.ts';
export type * from './schema/master-data.ts';
export type * from './schema/sync.ts';
export type * from './schema/runtime.ts';
export type * from './schema/books.ts';
export type * from './schema/access.ts';
export type * from './schema/outbound.ts';
export type { Generated } from 'kysely';
