import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import type { Order, Refund } from '../domain/order.ts';
import type { RefundDecision, RefundDocumentsInput } from '../rules/refund-documents.ts';
import type { Notifier } from '../notify/index.ts';
import type { Logger } from '../shared/logger.ts';
import type { ShopConnection, PublicShopSettings } from '../shops/index.ts';

/** One order as fetched: the mapped Order and Shopify's JSON node, completed (docs/order-import.md). */
export interface FetchedOrder {
  order: Order;
  payload: unknown;
}

export interface FetchedOrderPage {
  orders: FetchedOrder[];
  hasNextPage: boolean;
}

/**
 * Where orders come from: src/shopify's fetch functions for a real shop (shopify-order-source.ts),
 * a fake in tests. Pages are sorted by updatedAt, oldest first; bulk exports are not sorted.
 */
export interface OrderSource {
  changedOrders(updatedAfter: string | null): AsyncIterable<FetchedOrderPage>;
  ordersInBulk(updatedAfter: string | null): AsyncIterable<FetchedOrder>;
  /**
   * How many orders changed since `updatedAfter` (Shopify's `ordersCount`, capped at 10,000), for
   * choosing paging or a bulk export. Optional: without it the first sync is a bulk export.
   */
  countChangedOrders?(updatedAfter: string | null): Promise<number>;
  order(shopifyId: string): Promise<FetchedOrder | null>;
  setOrderAttribute(shopifyId: string, key: string, value: string): Promise<void>;
}

/** A document as books reports it: its type, number (null in a dry run) and its JSON (docs/order-import.md). */
export interface DocumentSummary {
  type: string;
  number: string | null;
  json?: unknown;
}

/** books' answer: the documents, or an expected business failure (missing SKU, missing customer). */
export type SalesDocumentsOutcome =
  { ok: true; documents: DocumentSummary[] } | { ok: false; error: { code: string; message: string } };

export type RefundBooksInputs = Pick<
  RefundDocumentsInput,
  'documents' | 'reflectedRefundIds' | 'itemsBySku' | 'exchangeRate'
>;

/** The rule's decision to write documents (the other outcomes write nothing in books). */
export type RefundDocumentsDecision = Extract<RefundDecision, { outcome: 'documents' }>;

/** What sync needs from books/ (its index.ts), in the caller's transaction. */
export interface BooksPort {
  createSalesDocuments(
    trx: Kysely<Database>,
    input: { shop: PublicShopSettings; order: Order; dryRun: boolean },
  ): Promise<SalesDocumentsOutcome>;
  /**
   * createSalesDocuments for many orders in one go (an import batch): outcome i is what the
   * calls one by one, in order, would give, in a constant number of statements. `withJson: false`
   * leaves each document's JSON out (a sync only counts them).
   */
  createSalesDocumentsForOrders(
    trx: Kysely<Database>,
    input: { shop: PublicShopSettings; orders: readonly Order[]; withJson: boolean },
  ): Promise<SalesDocumentsOutcome[]>;
  /**
   * What the refund rule needs from the books for each refund (docs/refunds.md): where its order's
   * documents stand, the refunds already in them, the items for its SKUs and the exchange rate
   * on the refund's date. Many refunds in a constant number of statements; refunds of one order
   * go in separate calls, each after the one before was booked.
   */
  refundInputsForRefunds(
    trx: Kysely<Database>,
    input: { shop: PublicShopSettings; refunds: readonly { order: Order; refund: Refund }[] },
  ): Promise<RefundBooksInputs[]>;
  /**
   * Writes and posts each refund decision's documents and stock movements; idempotent per refund.
   * Outcome i is what booking the refunds one by one, in order, would give (a refusal writes
   * nothing of its refund), in a constant number of statements; each refund of another order.
   */
  createRefundDocumentsForRefunds(
    trx: Kysely<Database>,
    input: {
      shop: PublicShopSettings;
      refunds: readonly { order: Order; refund: Refund; decision: RefundDocumentsDecision }[];
    },
  ): Promise<SalesDocumentsOutcome[]>;
  /** seed 002 "Unlink Processed Documents": the documents stay, they no longer belong to the order. */
  unlinkOrderDocuments(
    trx: Kysely<Database>,
    input: { shopCode: string; shopifyOrderId: string },
  ): Promise<void>;
}

export interface SyncDeps {
  readonly db: Kysely<Database>;
  readonly secretKey: Buffer;
  readonly books: BooksPort;
  /** The order source for a shop (Default in the runtime: shopifyOrderSource). */
  readonly sourceFor: (connection: ShopConnection) => OrderSource;
  readonly logger?: Logger | undefined;
  /** Failure emails to the shop's notificationEmail (seed 000; Default: none sent). */
  readonly notifier?: Pick<Notifier, 'refundFailed'> | undefined;
  /** The clock (Default: the system clock). */
  readonly now?: (() => Date) | undefined;
  /** Told of each order whose import failed, e.g. to count it in the metrics (Default: none). */
  readonly onImportError?: ((shopCode: string, code: string) => void) | undefined;
}

/** The attribute storebridge writes the document no. to (seed 002 "Add ... Doc. No. as Attribute"). */
export const documentNoAttributeKey = 'storebridge_document_no';
