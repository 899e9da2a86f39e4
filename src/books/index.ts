/**
 * The back office: sales documents with number series and status machines as data, exchange
 * rates, Shopify customer links and the append-only stock ledger (DESIGN.md "books/").
 * Other capabilities use these exports only, never the tables.
 */
export {
  createSalesDocuments,
  type CreateSalesDocumentsInput,
  type CreateSalesDocumentsResult,
  type DocumentShopSettings,
} from './documents/create-sales-documents.ts';
export {
  createSalesDocumentsForOrders,
  type CreateSalesDocumentsForOrdersInput,
  type OrderToDocument,
} from './documents/create-sales-documents-for-orders.ts';
export { listDocuments } from './documents/list-documents.ts';
export { unlinkOrderDocuments } from './documents/unlink-order-documents.ts';
export { documentJson, type DocumentJson } from './documents/document-json.ts';
export { parseOrderRef, type OrderRef } from './documents/order-ref.ts';
export type { SalesDocument, SalesDocumentLine } from './documents/sales-document.ts';
export {
  documentStatus,
  transition,
  IllegalStatusTransitionError,
  type DocumentStatus,
} from './documents/status.machine.ts';
export { linkShopifyCustomer, findLinkedCustomer } from './customers/customer-links.ts';
export {
  importExchangeRates,
  type ExchangeRateImportResult,
} from './exchange-rates/import-exchange-rates.ts';
export { listExchangeRates } from './exchange-rates/list-exchange-rates.ts';
export { findExchangeRate } from './exchange-rates/find-exchange-rate.ts';
export {
  adjustStock,
  hasStockAdjustment,
  type StockAdjustment,
  type StockAdjustmentLine,
} from './stock/adjust-stock.ts';
export { stockLevels, type StockLevel } from './stock/stock-levels.ts';
export { nextNumber, reserveNumbers, type NumberSeriesCode } from './numbering.ts';
export { registerBooksRoutes, type BooksRoutesDeps } from './http-routes.ts';
