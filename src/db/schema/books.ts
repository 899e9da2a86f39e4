import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Minor, UpdatedAt } from './columns.ts';

/** The books (migration 0003 and later): number series, documents, lines, rates, stock, G/L. */
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
