import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  createSalesDocuments,
  createSalesDocumentsForOrders,
  createRefundDocumentsForRefunds,
  refundInputsForRefunds,
  documentJson,
  unlinkOrderDocuments,
  type CreateRefundDocumentsResult,
  type CreateSalesDocumentsResult,
} from '../books/index.ts';
import type { Database } from '../db/index.ts';
import type { Notifier } from '../notify/index.ts';
import { shopifyObserver, type Metrics } from '../runtime/metrics.ts';
import type { Logger } from '../shared/logger.ts';
import {
  countChangedOrders,
  exportOrdersInBulk,
  fetchChangedOrders,
  fetchOrder,
  setOrderAttribute,
  type AnyCostBudget,
} from '../shopify/index.ts';
import { shopifyClientFor, type ShopConnection } from '../shops/index.ts';
import type { BooksPort, OrderSource, SalesDocumentsOutcome, SyncDeps } from './ports.ts';

/** sync's dependencies in the running service and CLI: Shopify through src/shopify, documents through src/books. */
export function syncDeps(context: {
  db: Kysely<Database>;
  secretKey: Buffer;
  logger?: Logger | undefined;
  notifier?: Notifier | undefined;
  /** Shopify requests, throttle waits and import errors are counted here (Default: not counted). */
  metrics?: Metrics | undefined;
  /**
   * The throttle budget of a shop's client (Default: a fresh one per client). The runtime keeps
   * one per shop for the process, or one per shop for all workers in the database.
   */
  budgetFor?: ((shopDomain: string) => AnyCostBudget) | undefined;
}): SyncDeps {
  const { metrics } = context;
  return {
    db: context.db,
    secretKey: context.secretKey,
    logger: context.logger,
    notifier: context.notifier,
    books: booksPort,
    sourceFor: sourcesPerShop(context.logger, metrics, context.budgetFor),
    ...(metrics && {
      onImportError: (shopCode: string, code: string) => metrics.importError(shopCode, code),
    }),
  };
}

/**
 * One order source (one Shopify client) per shop and connection for the life of these deps: a
 * worker runs thousands of one-order jobs, and a client learns each operation's cost from
 * Shopify's answers; a fresh client per job would start every job guessing (on the shared budget,
 * holding a whole query's maximum until Shopify answers). A changed token or endpoint is another
 * connection, hence a new client.
 */
function sourcesPerShop(
  logger: Logger | undefined,
  metrics: Metrics | undefined,
  budgetFor: ((shopDomain: string) => AnyCostBudget) | undefined,
): (connection: ShopConnection) => OrderSource {
  const sources = new Map<string, OrderSource>();
  return (connection) => {
    const { code, shopifyDomain, endpoint, apiVersion } = connection.settings;
    const token = connection.secrets.accessToken?.reveal() ?? '';
    const key = [
      code,
      shopifyDomain,
      endpoint ?? '',
      apiVersion,
      createHash('sha256').update(token).digest('hex'),
    ].join('|');
    let source = sources.get(key);
    if (!source) {
      source = shopifyOrderSource(connection, logger, metrics, budgetFor?.(shopifyDomain));
      sources.set(key, source);
    }
    return source;
  };
}

const booksPort: BooksPort = {
  async createSalesDocuments(trx, input) {
    return summary(await createSalesDocuments(trx, input), true);
  },
  async createSalesDocumentsForOrders(trx, input) {
    const results = await createSalesDocumentsForOrders(trx, {
      shop: input.shop,
      orders: input.orders.map((order) => ({ order })),
    });
    return results.map((result) => summary(result, input.withJson));
  },
  refundInputsForRefunds: (trx, input) => refundInputsForRefunds(trx, input),
  async createRefundDocumentsForRefunds(trx, input) {
    const results = await createRefundDocumentsForRefunds(trx, input);
    return results.map((result) => summary(result, true));
  },
  async unlinkOrderDocuments(trx, input) {
    await unlinkOrderDocuments(trx, input);
  },
};

function summary(
  result: CreateSalesDocumentsResult | CreateRefundDocumentsResult,
  withJson: boolean,
): SalesDocumentsOutcome {
  if (!result.ok) return { ok: false, error: result.error };
  const documents = result.documents.map((d) => ({
    type: d.type,
    number: d.number,
    ...(withJson && { json: documentJson(d) }),
  }));
  return { ok: true, documents };
}

/** The shop's orders through the Shopify client (one client, hence one throttle governor, per source). */
export function shopifyOrderSource(
  connection: ShopConnection,
  logger?: Logger,
  metrics?: Metrics,
  budget?: AnyCostBudget,
): OrderSource {
  const client = shopifyClientFor(connection, {
    ...(logger && { logger }),
    ...(metrics && { observer: shopifyObserver(metrics, connection.settings.code) }),
    ...(budget && { budget }),
  });
  return {
    changedOrders: (updatedAfter) => fetchChangedOrders(client, { updatedAfter }),
    ordersInBulk: (updatedAfter) => exportOrdersInBulk(client, { updatedAfter }),
    countChangedOrders: (updatedAfter) => countChangedOrders(client, { updatedAfter }),
    order: (shopifyId) => fetchOrder(client, shopifyId),
    async setOrderAttribute(shopifyId, key, value) {
      await setOrderAttribute(client, shopifyId, key, value);
    },
  };
}
