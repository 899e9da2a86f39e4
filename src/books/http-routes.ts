import type { FastifyInstance } from 'fastify';
import type { Store } from '../db/index.ts';
import { listShops } from '../shops/index.ts';
import type { Logger } from '../shared/logger.ts';
import { AppError, NotFoundError, ValidationError } from '../shared/errors.ts';
import { documentJson } from './documents/document-json.ts';
import { listDocuments } from './documents/list-documents.ts';
import { showDocument } from './documents/show-document.ts';
import { glEntryJson, listGlEntries } from './gl/list-gl-entries.ts';
import { listItemStockMovements } from './stock/item-stock-movements.ts';
import { stockLevels } from './stock/stock-levels.ts';

export interface BooksRoutesDeps {
  store: Store;
  secretKey: Buffer;
  logger: Logger;
}

/**
 * The books' JSON API, the same answers as `storebridge documents --json`, `gl --json` and
 * `stock --json`: GET /api/shops/:code/documents?order=<id|GID|#name>,
 * GET /api/shops/:code/gl?document=<no>&account=<no> and GET /api/stock?item=&location=; and for
 * the web UI GET /api/shops/:code/documents/:number (lines, postings, stock movements) and
 * GET /api/stock/:item/movements?location= (the item's stock ledger).
 * Per seed 004 Shopify is the source of truth: these are read-only views.
 */
export function registerBooksRoutes(app: FastifyInstance, deps: BooksRoutesDeps): void {
  const { store } = deps;

  app.get<{ Params: { code: string }; Querystring: { order?: string } }>(
    '/api/shops/:code/documents',
    async (request, reply) => {
      try {
        await assertShopExists(deps, request.params.code);
        const documents = await listDocuments(store.db, {
          shopCode: request.params.code,
          order: request.query.order,
        });
        return { documents: documents.map(documentJson) };
      } catch (error) {
        return sendError(reply, error, deps.logger);
      }
    },
  );

  app.get<{ Params: { code: string }; Querystring: { document?: string; account?: string } }>(
    '/api/shops/:code/gl',
    async (request, reply) => {
      try {
        await assertShopExists(deps, request.params.code);
        const entries = await listGlEntries(store.db, {
          shopCode: request.params.code,
          documentNo: request.query.document,
          accountNo: request.query.account,
        });
        return { entries: entries.map(glEntryJson) };
      } catch (error) {
        return sendError(reply, error, deps.logger);
      }
    },
  );

  app.get<{ Params: { code: string; number: string } }>(
    '/api/shops/:code/documents/:number',
    async (request, reply) => {
      try {
        await assertShopExists(deps, request.params.code);
        return await showDocument(store.db, { shopCode: request.params.code, number: request.params.number });
      } catch (error) {
        return sendError(reply, error, deps.logger);
      }
    },
  );

  app.get<{ Querystring: { item?: string; location?: string } }>('/api/stock', async (request) => ({
    stock: await stockLevels(store.db, {
      itemNo: nonEmpty(request.query.item),
      locationCode: nonEmpty(request.query.location),
    }),
  }));

  app.get<{ Params: { item: string }; Querystring: { location?: string } }>(
    '/api/stock/:item/movements',
    async (request, reply) => {
      try {
        const { item } = request.params;
        const movements = await listItemStockMovements(store.db, {
          itemNo: item,
          locationCode: nonEmpty(request.query.location),
        });
        return { itemNo: item, movements };
      } catch (error) {
        return sendError(reply, error, deps.logger);
      }
    },
  );
}

/** `?item=` (empty) means no filter, as a form with the field left blank sends it. */
function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

async function assertShopExists(deps: BooksRoutesDeps, code: string): Promise<void> {
  const shops = await listShops({ db: deps.store.db });
  if (!shops.some((shop) => shop.code === code)) throw new NotFoundError(`Shop "${code}" does not exist`);
}

function sendError(
  reply: { code(status: number): { send(body: unknown): unknown } },
  error: unknown,
  logger: Logger,
) {
  if (error instanceof ValidationError)
    return reply.code(400).send({ error: { code: error.code, message: error.message } });
  if (error instanceof NotFoundError)
    return reply.code(404).send({ error: { code: error.code, message: error.message } });
  if (error instanceof AppError)
    return reply.code(409).send({ error: { code: error.code, message: error.message } });
  logger.error({ err: error }, 'books API failed');
  return reply.code(500).send({ error: { code: 'internal', message: 'internal error' } });
}
