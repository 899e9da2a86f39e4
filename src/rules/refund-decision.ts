import type { Order, Refund } from '../domain/order.ts';
import type { Money } from '../money/index.ts';
import type { ShopSettings } from '../shops/index.ts';
import type { DocumentType, ExchangeRate, ItemForLine, LineType } from './sales-document.ts';

/**
 * The contract of `refundDocuments` (refund-documents.ts): what one Shopify refund of an order
 * becomes in the back office. Plain data in, plain data out; docs/refunds.md explains every
 * field with the seed row it comes from.
 */
export type RefundSettings = Pick<
  ShopSettings,
  | 'code'
  | 'localCurrency'
  | 'shopCurrency'
  | 'timeZone'
  | 'accounts'
  | 'shipmentMethodMappings'
  | 'locationMappings'
  | 'defaultReturnLocation'
  | 'returnLocationPriority'
  | 'createCustomerRefunds'
>;

/** A back-office document by type and number ("SI-000012"). */
export interface DocumentRef {
  type: DocumentType;
  number: string;
}

/** A line of the order's sales document as the books hold it now. */
export interface DocumentLineState {
  lineNo: number;
  /** The Shopify order line or shipping line the document line came from; null for comments and tips. */
  shopifyLineId: string | null;
  type: LineType;
  /** Item, G/L account or item charge no.; null for comments. */
  no: string | null;
  quantity: number;
  /** Units the line reserves (seed 004 4.6 "Released Quantities"). */
  releasedQuantity: number;
  locationCode: string | null;
}

/**
 * Where the order's back-office documents stand (seed 004 4.1, "Sales Order Lifecycle Statuses"):
 * - `none`: no sales document yet;
 * - `open`: a sales order not released (storebridge's own state before seed 004's "Released");
 * - `released`: "Order allocated but not fulfilled";
 * - `waived`: "Allocation removed";
 * - `shipped_invoiced`: "Order fulfilled and invoiced" (a sales invoice or a cash sale).
 */
export type OrderDocuments =
  | { stage: 'none' }
  | {
      stage: 'open' | 'released' | 'waived';
      salesOrder: DocumentRef;
      lines: readonly DocumentLineState[];
    }
  | { stage: 'shipped_invoiced'; invoice: DocumentRef; lines: readonly DocumentLineState[] };

export interface RefundDocumentsInput {
  order: Order;
  /** The refund to decide, one of `order.refunds`. */
  refund: Refund;
  documents: OrderDocuments;
  /**
   * Refunds already in the sales document's quantities: it was made from the lines' current
   * quantities after they happened, so crediting them again would credit twice.
   */
  reflectedRefundIds: readonly string[];
  /** Items found for the order's SKUs; a SKU missing here is not mapped. */
  itemsBySku: ReadonlyMap<string, ItemForLine>;
  settings: RefundSettings;
  /** The rate valid on the refund's date for the shop currency, when it is not the local currency. */
  exchangeRate: ExchangeRate | null;
}

/**
 * Why a line is on a refund document: the rows of seed 002's credit memo table, plus the
 * amounts the table leaves implicit.
 */
export type RefundLineReason =
  | 'restocked' // Item, at the return location
  | 'not_restocked' // G/L Refund Account Nonstock
  | 'gift_card' // G/L Sold Gift Card Account
  | 'shipping' // shipping charges account or the shipment method mapping
  | 'duties' // G/L Refund Account
  | 'refund_discrepancy' // G/L Refund Account, Shopify's order adjustment
  | 'other_amount' // G/L Refund Account: tips, manual amounts, what the lines do not explain
  | 'exchange_item'; // an item the customer got in exchange, netted against the returned ones

/**
 * A line of a refund document. On credit memos, inventory credit memos and sales order changes a
 * positive quantity or amount goes back to the customer; on a sales invoice it is charged.
 * With prices including tax, amount is excluding tax: unitPrice x quantity - lineDiscount =
 * amount + taxAmount; otherwise unitPrice x quantity - lineDiscount = amount.
 */
export interface RefundDocumentLine {
  lineNo: number;
  type: Exclude<LineType, 'comment'>;
  /** Item no., G/L account no. or item charge no. */
  no: string;
  description: string;
  reason: RefundLineReason;
  quantity: number;
  unitPrice: Money;
  lineDiscount: Money;
  amount: Money;
  taxAmount: Money;
  locationCode: string | null;
  shopifyLineId: string | null;
}

/** A line of a sales order change: an existing line reduced, or a line added (salesOrderLineNo null). */
export interface SalesOrderChangeLine extends RefundDocumentLine {
  salesOrderLineNo: number | null;
  /** Signed change of the line's released quantity: negative releases the allocation. */
  releasedQuantityChange: number;
}

interface DocumentHeader {
  shopCode: string;
  shopifyOrderId: string;
  shopifyOrderName: string;
  shopifyRefundId: string;
  currency: string;
  /** Local currency per unit of `currency`; null when the shop sells in the local currency. */
  exchangeRate: string | null;
  documentDate: string;
  /** The sales document this one corrects or pays back. */
  appliesTo: DocumentRef;
  amount: Money;
  taxAmount: Money;
  amountIncludingTax: Money;
}

/**
 * - `credit_memo`: money back, lines with their quantities and values (seed 004 "Credit Memo",
 *   and "ICM with financial impact" when goods come back too);
 * - `inventory_credit_memo`: goods back, no money: every amount zero (seed 004 "Zero-amount ICM");
 * - `sales_invoice`: the customer owes money after the refund (a pricier exchange, or less paid
 *   back than the sales document already left out): lines charged, never a negative credit memo.
 */
export interface CreditDocumentDraft extends DocumentHeader {
  kind: 'credit_memo' | 'inventory_credit_memo' | 'sales_invoice';
  lines: RefundDocumentLine[];
}

/** The unshipped sales order reduced instead of crediting an invoice that does not exist (seed 004 "Released"). */
export interface SalesOrderChangeDraft extends DocumentHeader {
  kind: 'sales_order_change';
  lines: SalesOrderChangeLine[];
}

/** seed 000: one per successful refund transaction, status Paid, "Our Ref" the sale it pays back. */
export interface CustomerRefundDraft {
  kind: 'customer_refund';
  status: 'paid';
  shopCode: string;
  shopifyOrderId: string;
  shopifyOrderName: string;
  shopifyRefundId: string;
  shopifyTransactionId: string;
  appliesTo: DocumentRef;
  /** The gateway ("shopify_payments", "manual", "gift_card"). */
  paymentMethod: string;
  /** accounts.refundPayFrom; accounts.soldGiftCard when the money went back onto a gift card. */
  payFromAccount: string;
  paymentReference: string | null;
  currency: string;
  exchangeRate: string | null;
  documentDate: string;
  amount: Money;
}

export type RefundDocumentDraft = CreditDocumentDraft | SalesOrderChangeDraft | CustomerRefundDraft;

/**
 * A stock movement the books write, signed: `onHand` changes what is in the location,
 * `released` what is reserved; available to sell = on hand - released (seed 004 4.6).
 */
export interface StockEffect {
  kind: 'return' | 'allocation_released' | 'allocation_reserved' | 'adjustment_out' | 'exchange_out';
  itemNo: string;
  locationCode: string | null;
  onHand: number;
  released: number;
  shopifyLineId: string;
}

/** seed 004 4.3. */
export type RefundType = 'quantity_only' | 'amount_only' | 'quantity_and_amount';

export type NotConvertibleReason =
  | 'zero_amount_from_edit'
  | 'unpaid_order_cancelled'
  | 'cancelled_nothing_left'
  | 'transactions_failed'
  | 'nothing_refunded';

export type WaitReason = 'transactions_pending' | 'no_sales_document';

export interface RefundTotals {
  /** Shopify's refunded total for the refund: its successful refund transactions. */
  refunded: Money;
  /** What the exchange items cost beyond the returned ones: still owed by the customer. */
  exchangeBalanceDue: Money;
  /** What the sales document already left out because it was made after the refund. */
  reflectedInSalesDocument: Money;
  /** Net of this decision's documents: credit memo / order change minus sales invoice. */
  credited: Money;
  /** Sum of the customer refunds. */
  paid: Money;
}

export type RefundDecision =
  | { outcome: 'not_convertible'; reason: NotConvertibleReason; message: string }
  | { outcome: 'wait'; reason: WaitReason; message: string; pendingTransactionIds: string[] }
  | {
      outcome: 'documents';
      refundType: RefundType;
      documents: RefundDocumentDraft[];
      stock: StockEffect[];
      /** Failed refund transactions: recorded, never paid (seed 000). */
      unpaidTransactions: { shopifyTransactionId: string; status: string }[];
      totals: RefundTotals;
    };

export type RefundErrorCode =
  | 'account_not_set'
  | 'item_not_mapped'
  | 'exchange_rate_missing'
  | 'shop_currency_mismatch'
  | 'order_line_not_found'
  | 'document_line_not_found'
  | 'quantity_exceeds_document'
  | 'amounts_do_not_reconcile';

export interface RefundProblem {
  code: RefundErrorCode;
  /** The setting or the refund's field to fix: "accounts.refund", "refund.lines[1]". */
  field: string;
  message: string;
}

export type RefundDocumentsOutcome =
  { ok: true; decision: RefundDecision } | { ok: false; errors: RefundProblem[] };
