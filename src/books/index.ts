/**
 * The back office: sales and refund documents with number series and status machines as data,
 * posting to the append-only general ledger, exchange rates, Shopify customer links and the
 * append-only stock ledger (DESIGN.md "books/"). Other capabilities use these exports only,
 * never the tables.
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
export type {
  BooksDocument,
  BooksDocumentType,
  SalesDocument,
  SalesDocumentLine,
} from './documents/sales-document.ts';
export {
  createRefundDocuments,
  createRefundDocumentsForRefunds,
  type CreateRefundDocumentsInput,
  type CreateRefundDocumentsResult,
  type RefundBooksErrorCode,
  type RefundDocumentsDecision,
  type RefundToBook,
} from './refunds/create-refund-documents.ts';
export { orderDocumentsState, type OrderDocumentsState } from './refunds/order-documents-state.ts';
export {
  refundExchangeRate,
  refundInputs,
  refundInputsForRefunds,
  type RefundBooksInputs,
} from './refunds/refund-inputs.ts';
export { findRefundDocuments } from './refunds/find-refund-documents.ts';
export {
  listGlEntries,
  glEntryJson,
  type GlEntry,
  type GlEntryFilter,
  type GlEntryJson,
} from './gl/list-gl-entries.ts';
export { UnbalancedPostingError } from './gl/gl-entries-repository.ts';
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
export { listStockMovements } from './stock/list-stock-movements.ts';
export { listItemStockMovements, type ItemStockMovement } from './stock/item-stock-movements.ts';
export { showDocument, postingJson } from './documents/show-document.ts';
export { nextNumber, reserveNumbers, type NumberSeriesCode } from './numbering.ts';
export { registerBooksRoutes, type BooksRoutesDeps } from './http-routes.ts';
export * from './invoices/index.ts';
