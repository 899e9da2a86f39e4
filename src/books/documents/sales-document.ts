import type { Money } from '../../money/index.ts';
import type { RefundLineReason } from '../../rules/refund-decision.ts';
import type { DocumentType, DraftLine } from '../../rules/sales-document.ts';

/**
 * Every kind of document the back office keeps (DESIGN.md vocabulary): the sales documents an
 * order becomes, and what its refunds become (docs/refunds.md "For books/ and sync/").
 */
export type BooksDocumentType =
  | DocumentType
  | 'credit_memo'
  | 'inventory_credit_memo'
  | 'customer_refund'
  | 'sales_order_change'
  | 'inventory_adjustment';

/** A document as the back office keeps it; the fields after `unlinked` belong to refunds and posting. */
export interface BooksDocument {
  /** null only in a dry run, where nothing is written. */
  id: number | null;
  type: BooksDocumentType;
  /** From the type's number series ("SO-000001"); null only in a dry run. */
  number: string | null;
  status: string;
  shopCode: string;
  shopifyOrderId: string;
  shopifyOrderName: string;
  shopifyRefundId: string | null;
  /** null only in a dry run where the customer would be created. */
  customerNo: string | null;
  currency: string;
  /** Local currency per unit of `currency` on the document date; null in local currency. */
  exchangeRate: string | null;
  documentDate: string;
  shipmentMethodCode: string | null;
  shippingAgentCode: string | null;
  shippingAgentServiceCode: string | null;
  taxAreaCode: string | null;
  lines: SalesDocumentLine[];
  amount: Money;
  taxAmount: Money;
  amountIncludingTax: Money;
  /** Unlinked from its Shopify order (seed 002 "Unlink Processed Documents"): kept, processed by hand. */
  unlinked: boolean;
  /** The document no. a refund document corrects or pays back (seed 000 "Our Ref"). */
  appliesTo: string | null;
  /** Customer refunds (seed 000): the gateway, the account paid from, Shopify's transaction. */
  paymentMethod: string | null;
  paidFromAccount: string | null;
  paymentReference: string | null;
  shopifyTransactionId: string | null;
  /** When its G/L entries (or, for an inventory credit memo, its stock) were posted; ISO time. */
  postedAt: string | null;
  /** Sales documents: the order's refunds already in their quantities (docs/refunds.md). */
  reflectedRefundIds: string[];
}

/** A sales document (sales order, sales invoice, cash sale): what an order becomes. */
export type SalesDocument = BooksDocument & { type: DocumentType };

/**
 * A document line is the rules' draft line, numbered and stored; refund documents add why the
 * line is there, and a sales order change the sales order line it changes.
 */
export type SalesDocumentLine = DraftLine & {
  reason: RefundLineReason | null;
  /** Sales order changes: the line changed (null: added) and the change of its released quantity. */
  salesOrderLineNo: number | null;
  releasedQuantityChange: number | null;
};

/** The refund fields of a sales document line: none. */
export const noRefundFields = { reason: null, salesOrderLineNo: null, releasedQuantityChange: null } as const;
