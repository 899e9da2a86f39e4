import type { Migration } from 'kysely/migration';
import * as foundation from './0001_foundation.ts';
import * as sync from './0002_sync.ts';
import * as books from './0003_books.ts';
import * as excludedOrders from './0004_excluded_orders.ts';
import * as ledger from './0005_ledger.ts';
import * as refundProcessing from './0006_refund_processing.ts';
import * as refundDocumentLookup from './0007_refund_document_lookup.ts';
import * as saleMovements from './0008_sale_movements.ts';
import * as webhookReceipts from './0009_webhook_receipts.ts';
import * as shopifyBudgets from './0010_shopify_budgets.ts';
import * as glBalanceCheckByIndex from './0011_gl_balance_check_by_index.ts';
import * as shopifyBudgetInFlight from './0012_shopify_budget_in_flight.ts';
import * as access from './0013_access.ts';
import * as outboundRequests from './0014_outbound_requests.ts';
import * as salesShipments from './0015_sales_shipments.ts';
import * as invoiceExport from './0016_invoice_export.ts';
import * as orderArchiving from './0017_order_archiving.ts';
import * as signIn from './0018_sign_in.ts';
import * as webhookRepeatsLog from './0019_webhook_repeats_log.ts';
import * as orderPayloadsAsJson from './0020_order_payloads_as_json.ts';

/**
 * Every migration, in order. Listed statically (not read from the folder) so that the
 * service runs the same way from source, from a bundle and in tests.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_sync': sync,
  '0003_books': books,
  '0004_excluded_orders': excludedOrders,
  '0005_ledger': ledger,
  '0006_refund_processing': refundProcessing,
  '0007_refund_document_lookup': refundDocumentLookup,
  '0008_sale_movements': saleMovements,
  '0009_webhook_receipts': webhookReceipts,
  '0010_shopify_budgets': shopifyBudgets,
  '0011_gl_balance_check_by_index': glBalanceCheckByIndex,
  '0012_shopify_budget_in_flight': shopifyBudgetInFlight,
  '0013_access': access,
  '0014_outbound_requests': outboundRequests,
  '0015_sales_shipments': salesShipments,
  '0016_invoice_export': invoiceExport,
  '0017_order_archiving': orderArchiving,
  '0018_sign_in': signIn,
  '0019_webhook_repeats_log': webhookRepeatsLog,
  '0020_order_payloads_as_json': orderPayloadsAsJson,
};
