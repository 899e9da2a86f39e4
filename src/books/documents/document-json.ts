import { formatMoney } from '../../money/index.ts';
import type { BooksDocument, SalesDocumentLine } from './sales-document.ts';

/**
 * The document as docs/order-import.md specifies it for the CLI and the API: money as decimal
 * strings with the document currency's exponent ("195.67", JPY "1500"). Refund documents add
 * what docs/refunds.md names (shopifyRefundId, appliesTo, a customer refund's paymentMethod and
 * paidFromAccount, the lines' reason); those keys are left out where they do not apply, so a
 * sales document's JSON is what it was before refunds existed, plus `postedAt`.
 */
export function documentJson(document: BooksDocument) {
  return {
    id: document.id,
    type: document.type,
    number: document.number,
    status: document.status,
    shopCode: document.shopCode,
    shopifyOrderId: document.shopifyOrderId,
    shopifyOrderName: document.shopifyOrderName,
    ...(document.shopifyRefundId !== null && { shopifyRefundId: document.shopifyRefundId }),
    ...(document.appliesTo !== null && { appliesTo: document.appliesTo }),
    ...(document.type === 'customer_refund' && {
      paymentMethod: document.paymentMethod,
      paidFromAccount: document.paidFromAccount,
      paymentReference: document.paymentReference,
      shopifyTransactionId: document.shopifyTransactionId,
    }),
    customerNo: document.customerNo,
    currency: document.currency,
    exchangeRate: document.exchangeRate,
    documentDate: document.documentDate,
    shipmentMethodCode: document.shipmentMethodCode,
    shippingAgentCode: document.shippingAgentCode,
    shippingAgentServiceCode: document.shippingAgentServiceCode,
    taxAreaCode: document.taxAreaCode,
    unlinked: document.unlinked,
    postedAt: document.postedAt,
    lines: document.lines.map(lineJson),
    amount: formatMoney(document.amount),
    taxAmount: formatMoney(document.taxAmount),
    amountIncludingTax: formatMoney(document.amountIncludingTax),
  };
}

function lineJson(line: SalesDocumentLine) {
  return {
    lineNo: line.lineNo,
    type: line.type,
    no: line.no,
    description: line.description,
    quantity: line.quantity,
    unitPrice: formatMoney(line.unitPrice),
    lineDiscount: formatMoney(line.lineDiscount),
    amount: formatMoney(line.amount),
    taxAmount: formatMoney(line.taxAmount),
    locationCode: line.locationCode,
    releasedQuantity: line.releasedQuantity,
    ...(line.reason !== null && { reason: line.reason }),
    ...(line.releasedQuantityChange !== null && {
      salesOrderLineNo: line.salesOrderLineNo,
      releasedQuantityChange: line.releasedQuantityChange,
    }),
  };
}

export type DocumentJson = ReturnType<typeof documentJson>;
