import { formatMoney } from '../../money/index.ts';
import type { SalesDocument } from './sales-document.ts';

/**
 * The document as docs/order-import.md specifies it for the CLI and the API: money as decimal
 * strings with the document currency's exponent ("195.67", JPY "1500").
 */
export function documentJson(document: SalesDocument) {
  return {
    id: document.id,
    type: document.type,
    number: document.number,
    status: document.status,
    shopCode: document.shopCode,
    shopifyOrderId: document.shopifyOrderId,
    shopifyOrderName: document.shopifyOrderName,
    ...(document.shopifyRefundId !== null && { shopifyRefundId: document.shopifyRefundId }),
    customerNo: document.customerNo,
    currency: document.currency,
    exchangeRate: document.exchangeRate,
    documentDate: document.documentDate,
    shipmentMethodCode: document.shipmentMethodCode,
    shippingAgentCode: document.shippingAgentCode,
    shippingAgentServiceCode: document.shippingAgentServiceCode,
    taxAreaCode: document.taxAreaCode,
    unlinked: document.unlinked,
    lines: document.lines.map((line) => ({
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
    })),
    amount: formatMoney(document.amount),
    taxAmount: formatMoney(document.taxAmount),
    amountIncludingTax: formatMoney(document.amountIncludingTax),
  };
}

export type DocumentJson = ReturnType<typeof documentJson>;
