import type { Kysely } from 'kysely';
import { findInvoiceExports } from '../../books/index.ts';
import type { Database } from '../../db/index.ts';
import { formatMoney } from '../../money/index.ts';
import type { ExportState } from '../../rules/invoice-export.ts';

/**
 * The shop's back-office invoices and where each stands toward Shopify, with the seed's
 * "Shopify Order ID" as the field shows it: 0, the order id, -1 or -2 (docs/invoice-export.md).
 */
export async function listInvoiceExports(db: Kysely<Database>, shopCode: string, state?: ExportState) {
  return (await findInvoiceExports(db, shopCode, { state })).map((entry) => ({
    documentNo: entry.document.number,
    customerNo: entry.document.customerNo,
    documentDate: entry.document.documentDate,
    currency: entry.document.currency,
    amountIncludingTax: formatMoney(entry.document.amountIncludingTax),
    remainingAmount: formatMoney(entry.remainingAmount),
    state: entry.state,
    shopifyOrderId: shopifyOrderIdField(entry.state, entry.shopifyOrderId),
    shopifyOrderName: entry.document.shopifyOrderName || null,
    shopifyDraftOrderId: entry.shopifyDraftOrderId,
    reasonCode: entry.reasonCode,
    message: entry.message,
    attempts: entry.attempts,
  }));
}

export type InvoiceExportRow = Awaited<ReturnType<typeof listInvoiceExports>>[number];

function shopifyOrderIdField(state: ExportState, orderId: string | null): string {
  if (state === 'exported') return orderId!;
  return state === 'failed' ? '-1' : state === 'excluded' ? '-2' : '0';
}
