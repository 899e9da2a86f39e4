import type { Money } from '../../money/index.ts';
import type { DocumentType, DraftLine } from '../../rules/sales-document.ts';

/** A sales document as the back office keeps it (DESIGN.md vocabulary). */
export interface SalesDocument {
  /** null only in a dry run, where nothing is written. */
  id: number | null;
  type: DocumentType;
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
}

/** A document line is the rules' draft line, numbered and stored. */
export type SalesDocumentLine = DraftLine;
