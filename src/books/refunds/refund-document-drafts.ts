import { zero } from '../../money/index.ts';
import type {
  CreditDocumentDraft,
  CustomerRefundDraft,
  RefundDocumentDraft,
  RefundDocumentLine,
  SalesOrderChangeDraft,
  StockEffect,
} from '../../rules/refund-decision.ts';
import type { BooksDocument, SalesDocumentLine } from '../documents/sales-document.ts';

/** A refund document before its number: what the decision's draft becomes in the books. */
export type RefundDocumentToWrite = Omit<BooksDocument, 'id' | 'number' | 'postedAt'> & {
  customerNo: string;
  posted: boolean;
};

/** What the document a refund applies to gives its refund documents. */
export interface AppliedTo {
  number: string;
  customerNo: string;
  taxAreaCode: string | null;
}

const noSalesFields = {
  shipmentMethodCode: null,
  shippingAgentCode: null,
  shippingAgentServiceCode: null,
  unlinked: false,
  reflectedRefundIds: [],
};

const noPayment = {
  paymentMethod: null,
  paidFromAccount: null,
  paymentReference: null,
  shopifyTransactionId: null,
};

/** The decision's draft as a books document (docs/refunds.md "documents"). */
export function refundDocument(draft: RefundDocumentDraft, appliedTo: AppliedTo): RefundDocumentToWrite {
  if (draft.kind === 'customer_refund') return customerRefund(draft, appliedTo);
  return creditDocument(draft, appliedTo);
}

function creditDocument(
  draft: CreditDocumentDraft | SalesOrderChangeDraft,
  appliedTo: AppliedTo,
): RefundDocumentToWrite {
  const change = draft.kind === 'sales_order_change';
  return {
    ...noSalesFields,
    ...noPayment,
    type: draft.kind,
    // A sales order change is applied to its sales order, which is never posted (seed 004 4.1).
    status: change ? 'applied' : 'posted',
    posted: !change,
    ...refundHeader(draft, appliedTo),
    taxAreaCode: appliedTo.taxAreaCode,
    lines: draft.lines.map((line) => documentLine(line)),
    amount: draft.amount,
    taxAmount: draft.taxAmount,
    amountIncludingTax: draft.amountIncludingTax,
    appliesTo: draft.appliesTo.number,
  };
}

function documentLine(
  line: RefundDocumentLine & { salesOrderLineNo?: number | null; releasedQuantityChange?: number },
): SalesDocumentLine {
  return {
    lineNo: line.lineNo,
    type: line.type,
    no: line.no,
    description: line.description,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    lineDiscount: line.lineDiscount,
    amount: line.amount,
    taxAmount: line.taxAmount,
    locationCode: line.locationCode,
    releasedQuantity: 0,
    shopifyLineId: line.shopifyLineId,
    reason: line.reason,
    salesOrderLineNo: line.salesOrderLineNo ?? null,
    releasedQuantityChange: line.releasedQuantityChange ?? null,
  };
}

/** seed 000: status Paid, "Our Ref" the sale it pays back, the gateway and the pay-from account. */
function customerRefund(draft: CustomerRefundDraft, appliedTo: AppliedTo): RefundDocumentToWrite {
  return {
    ...noSalesFields,
    type: 'customer_refund',
    status: draft.status,
    posted: true,
    ...refundHeader(draft, appliedTo),
    taxAreaCode: null,
    lines: [],
    amount: draft.amount,
    taxAmount: zero(draft.currency),
    amountIncludingTax: draft.amount,
    appliesTo: draft.appliesTo.number,
    paymentMethod: draft.paymentMethod,
    paidFromAccount: draft.payFromAccount,
    paymentReference: draft.paymentReference,
    shopifyTransactionId: draft.shopifyTransactionId,
  };
}

/** What every document of a refund carries: the order and refund it comes from, the customer of the sale it applies to. */
function refundHeader(draft: RefundDocumentDraft, appliedTo: AppliedTo) {
  return {
    shopCode: draft.shopCode,
    shopifyOrderId: draft.shopifyOrderId,
    shopifyOrderName: draft.shopifyOrderName,
    shopifyRefundId: draft.shopifyRefundId,
    customerNo: appliedTo.customerNo,
    currency: draft.currency,
    exchangeRate: draft.exchangeRate,
    documentDate: draft.documentDate,
  };
}

/**
 * seed 004 4.4 "Restock Disabled: inventory permanently removed via adjustment" (FAQ: "processes
 * it as an inventory adjustment"): the units of an unshipped order that are not restocked leave
 * stock on an inventory adjustment of their own, signed like every adjustment (- out), at zero value.
 */
export function inventoryAdjustment(
  change: SalesOrderChangeDraft,
  effects: readonly StockEffect[],
  appliedTo: AppliedTo,
): RefundDocumentToWrite {
  const nothing = zero(change.currency);
  const lines: SalesDocumentLine[] = effects.map((effect, index) => ({
    lineNo: index + 1,
    type: 'item',
    no: effect.itemNo,
    description:
      change.lines.find((l) => l.shopifyLineId === effect.shopifyLineId)?.description ?? effect.itemNo,
    quantity: effect.onHand,
    unitPrice: nothing,
    lineDiscount: nothing,
    amount: nothing,
    taxAmount: nothing,
    locationCode: effect.locationCode,
    releasedQuantity: 0,
    shopifyLineId: effect.shopifyLineId,
    reason: 'not_restocked',
    salesOrderLineNo: null,
    releasedQuantityChange: null,
  }));
  return {
    ...creditDocument({ ...change, lines: [] }, appliedTo),
    type: 'inventory_adjustment',
    status: 'posted',
    posted: true,
    lines,
    amount: nothing,
    taxAmount: nothing,
    amountIncludingTax: nothing,
  };
}
