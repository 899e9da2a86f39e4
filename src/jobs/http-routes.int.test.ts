import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import { addTestUser } from '../access/testing/test-users.ts';
import { aLine, anOrder } from '../domain/testing/order-builders.ts';
import { buildServer, type StorebridgeServer } from '../http/server.ts';
import { createMetrics, shopifyObserver } from '../runtime/metrics.ts';
import { createLogger } from '../shared/logger.ts';
import { addShop, quickShopInput, setShopSetting } from '../shops/index.ts';
import { syncOrders, type SyncDeps } from '../sync/index.ts';
import { FakeBooks, FakeOrderSource } from '../sync/testing/fake-source.ts';
import type { DeadLetter, DeadLetterBox } from './needs-attention.ts';

const now = new Date('2025-03-14T15:00:00Z');
const at = (day: number, hour = 12) => new Date(Date.UTC(2025, 2, day, hour)).toISOString();

/** The queue's dead letters as pg-boss lists them (job-queue.int.test.ts covers the real box). */
class FakeDeadLetters implements DeadLetterBox {
  letters: DeadLetter[] = [];
  readonly retried: string[] = [];
  async list() {
    return this.letters;
  }
  async retry(id: string) {
    const found = this.letters.some((letter) => letter.id === id);
    this.letters = this.letters.filter((letter) => letter.id !== id);
    if (found) this.retried.push(id);
    return found;
  }
}

describeOnEachBackend('GET /api/needs-attention, /api/dead-letters, /api/dashboard', (backend) => {
  let store: TestStore;
  let server: StorebridgeServer;
  let deadLetters: FakeDeadLetters;
  let agentKey: string;
  let readerKey: string;
  let source: FakeOrderSource;
  let deps: SyncDeps;
  const secretKey = randomBytes(32);
  const call = (method: 'GET' | 'POST', url: string, key = readerKey) =>
    server.inject({ method, url, headers: { authorization: `Bearer ${key}` } });

  beforeAll(async () => {
    store = await openTestStore(backend);
    source = new FakeOrderSource(10);
    const books = new FakeBooks();
    deps = { db: store.db, secretKey, books, sourceFor: () => source, now: () => now };
    await addShop(deps, quickShopInput({ code: 'EU', domain: 'eu-shop.myshopify.com', token: 'shpat_x' }));
    await setShopSetting(deps, 'EU', ['autoCreateDocuments=true']);
    // #1 imports (the fake books write no documents: reconcile finds none), #2 fails on its SKU.
    books.missingSkus.add('SB-MISSING');
    source.put(
      anOrder({ shopifyId: '1', name: '#1', createdAt: at(13), updatedAt: at(13) }),
      anOrder({
        shopifyId: '2',
        name: '#2',
        createdAt: at(14, 9),
        updatedAt: at(14, 9),
        lines: [aLine({ sku: 'SB-MISSING' })],
      }),
    );
    await syncOrders(deps, 'EU', { bulk: false });
    await store.db
      .insertInto('order_refunds')
      .values({
        shop_code: 'EU',
        shopify_order_id: '1',
        shopify_refund_id: '77',
        created_at_shopify: at(14, 10),
        amount_minor: 500,
        currency: 'EUR',
        convertible_to_credit_memo: true,
        reason: null,
        status: 'error',
        status_reason: null,
        error_code: 'account_missing',
        error_message: 'Refund account is not set (accounts.refund)',
        attempts: 2,
      })
      .execute();

    deadLetters = new FakeDeadLetters();
    deadLetters.letters = [
      {
        id: 'job-1',
        queue: 'order-sync',
        data: { shopCode: 'EU', shopifyOrderId: '1', cause: 'webhook orders/updated' },
        error: { code: 'shopify_unavailable', message: 'Shopify answered 503 five times' },
        failedAt: at(14, 11),
      },
    ];
    const metrics = createMetrics({ processMetrics: false, nowMs: () => now.getTime() });
    const observer = shopifyObserver(metrics, 'EU');
    observer.request('ok', 1200);
    observer.bucket({ maximumAvailable: 2000, currentlyAvailable: 800, restoreRate: 100 });
    agentKey = (await addTestUser(store.db, 'agent')).apiKey;
    readerKey = (await addTestUser(store.db, 'read_only')).apiKey;
    server = buildServer({
      store,
      secretKey,
      logger: createLogger('silent'),
      deadLetters,
      metrics,
      now: () => now,
    });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it('lists every kind with the calls that fix it, newest first, and counts them', async () => {
    const response = await call('GET', '/api/needs-attention');
    expect(response.statusCode).toBe(200);
    const { items, counts } = response.json();
    expect(counts).toEqual({
      dead_letter: 1,
      staging_error: 1,
      reconciliation_difference: 1,
      failed_refund_import: 1,
    });
    const byKind = Object.fromEntries(items.map((i: { kind: string }) => [i.kind, i]));
    expect(byKind.staging_error).toMatchObject({
      shopCode: 'EU',
      order: { id: '2', name: '#2' },
      code: 'item_not_found',
      message: expect.stringContaining('SB-MISSING'),
      actions: [
        { label: 'Retry import', method: 'POST', path: '/api/shops/EU/import', body: { orders: ['2'] } },
        {
          label: 'Exclude from import',
          method: 'POST',
          path: '/api/shops/EU/orders-to-import/delete',
          body: { orders: ['2'] },
        },
      ],
    });
    expect(byKind.failed_refund_import).toEqual({
      kind: 'failed_refund_import',
      shopCode: 'EU',
      order: { id: '1', name: '#1' },
      code: 'account_missing',
      message: 'Refund 77: Refund account is not set (accounts.refund) (2 attempt(s))',
      since: at(14, 10),
      actions: [
        {
          label: 'Retry refund',
          method: 'POST',
          path: '/api/shops/EU/refunds/process',
          body: { refunds: ['77'] },
        },
        { label: 'Re-import order', method: 'POST', path: '/api/shops/EU/orders/1/reimport' },
      ],
    });
    expect(byKind.reconciliation_difference).toMatchObject({
      shopCode: 'EU',
      order: { id: '1', name: '#1' },
      code: 'sales_document_missing',
      actions: expect.arrayContaining([
        { label: 'Re-import order', method: 'POST', path: '/api/shops/EU/orders/1/reimport' },
        { label: 'Reconcile again', method: 'GET', path: '/api/shops/EU/reconcile?order=1' },
      ]),
    });
    expect(byKind.dead_letter).toEqual({
      kind: 'dead_letter',
      shopCode: 'EU',
      order: { id: '1', name: '#1' },
      code: 'shopify_unavailable',
      message: 'order-sync job: Shopify answered 503 five times',
      since: at(14, 11),
      actions: [{ label: 'Retry job', method: 'POST', path: '/api/dead-letters/job-1/retry' }],
    });
    const since = items.map((i: { since: string }) => i.since);
    expect(since).toEqual([...since].sort().reverse());
  });

  it('?reconcile=false leaves reconcile out; ?shop= filters; a bad flag is a 400 naming it', async () => {
    const quick = (await call('GET', '/api/needs-attention?reconcile=false')).json();
    expect(quick.counts.reconciliation_difference).toBe(0);
    expect(quick.items).toHaveLength(3);
    expect((await call('GET', '/api/needs-attention?shop=OTHER')).json().items).toEqual([]);
    const bad = await call('GET', '/api/needs-attention?reconcile=maybe');
    expect([bad.statusCode, bad.json().error.issues]).toEqual([
      400,
      [{ path: 'reconcile', message: 'must be true or false' }],
    ]);
  });

  it('the dashboard: orders and refunds per UTC day, last sync per shop, API cost of the last hour, error counts', async () => {
    const response = await call('GET', '/api/dashboard?days=3');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.days).toEqual([
      { day: '2025-03-12', orders: 0, refunds: 0 },
      { day: '2025-03-13', orders: 1, refunds: 0 },
      { day: '2025-03-14', orders: 0, refunds: 1 },
    ]);
    expect(body.shops).toEqual([
      { code: 'EU', lastSyncAt: expect.any(String), syncLagSeconds: expect.any(Number), ordersWaiting: 1 },
    ]);
    expect(body.apiCost).toEqual({
      used: 1200,
      budget: 360_000,
      unit: 'cost_points',
      window: { seconds: 3600, since: '2025-03-14T14:00:00.000Z' },
      shops: [
        {
          code: 'EU',
          used: 1200,
          budget: 360_000,
          bucket: {
            maximumAvailable: 2000,
            currentlyAvailable: 800,
            restoreRate: 100,
            reportedAt: now.toISOString(),
          },
        },
      ],
    });
    expect(body.errors).toEqual({
      deadLetters: 1,
      stagingErrors: 1,
      reconciliationDifferences: 1,
      failedRefundImports: 1,
    });
    expect(body.generatedAt).toEqual(expect.any(String));
    const quick = (await call('GET', '/api/dashboard?days=1&reconcile=false')).json();
    expect([quick.days.length, quick.errors.reconciliationDifferences, quick.errors.stagingErrors]).toEqual([
      1,
      null,
      1,
    ]);
    const bad = await call('GET', '/api/dashboard?days=0');
    expect([bad.statusCode, bad.json().error.issues[0].path]).toEqual([400, 'days']);
  });

  it('retries a dead letter (sync.run): gone from the list; 404 for one that is not there; 403 for read-only', async () => {
    expect((await call('POST', '/api/dead-letters/job-1/retry')).statusCode).toBe(403);
    expect((await call('GET', '/api/dead-letters')).json().deadLetters).toHaveLength(1);
    const retried = await call('POST', '/api/dead-letters/job-1/retry', agentKey);
    expect([retried.statusCode, retried.json()]).toEqual([200, { id: 'job-1', retried: true }]);
    expect(deadLetters.retried).toEqual(['job-1']);
    expect((await call('GET', '/api/needs-attention?reconcile=false')).json().counts.dead_letter).toBe(0);
    const again = await call('POST', '/api/dead-letters/job-1/retry', agentKey);
    expect([again.statusCode, again.json().error.code]).toEqual([404, 'not_found']);
  });

  it('without a job queue attached: no dead letters listed, their routes answer 503', async () => {
    const bare = buildServer({ store, secretKey, logger: createLogger('silent') });
    const headers = { authorization: `Bearer ${agentKey}` };
    const list = await bare.inject({ url: '/api/needs-attention?reconcile=false', headers });
    expect(list.json().counts.dead_letter).toBe(0);
    const retry = await bare.inject({ method: 'POST', url: '/api/dead-letters/x/retry', headers });
    expect([retry.statusCode, retry.json().error.code]).toEqual([503, 'job_queue_unavailable']);
    await bare.close();
  });

  it('GET /api/shops/:code/orders/:order: the order as Shopify sent it, its versions, documents, reconciliation; a conflict with its actions', async () => {
    const picture = (await call('GET', '/api/shops/EU/orders/1')).json();
    expect(picture).toMatchObject({
      shopifyOrderId: '1',
      name: '#1',
      processed: true,
      conflict: false,
      conflictActions: [],
      shopify: {
        lines: [expect.objectContaining({ sku: expect.any(String) })],
        transactions: expect.any(Array),
        shippingLines: expect.any(Array),
        tags: expect.any(Array),
        customAttributes: expect.any(Array),
        fulfillments: expect.any(Array),
        refunds: expect.any(Array),
        returns: expect.any(Array),
      },
      payloadVersions: [{ updatedAt: at(13), receivedAt: expect.any(String), payload: expect.any(Object) }],
      documents: [],
      refunds: [expect.objectContaining({ shopifyRefundId: '77', amountMinor: 500 })],
      refundImports: [
        expect.objectContaining({ shopifyRefundId: '77', status: 'error', errorCode: 'account_missing' }),
      ],
      reconciliation: {
        status: 'differences',
        differences: [expect.objectContaining({ cause: 'sales_document_missing' })],
        expected: [],
      },
    });
    expect(picture.shopify).toHaveProperty('riskLevel');

    // Shopify edits the order after its documents: a conflict (seed 002), resolved by unlink or re-import.
    const edited = anOrder({
      shopifyId: '1',
      name: '#1',
      createdAt: at(13),
      updatedAt: at(14, 13),
      note: 'gift wrap',
    });
    source.put({
      ...edited,
      lines: edited.lines.map((line) => ({
        ...line,
        quantity: line.quantity + 1,
        currentQuantity: line.currentQuantity + 1,
      })),
    });
    await syncOrders(deps, 'EU', { bulk: false });
    const conflicted = (await call('GET', '/api/shops/EU/orders/%231')).json();
    expect(conflicted.conflict).toBe(true);
    expect(conflicted.conflictMessage).toContain(
      'has already been processed in storebridge, but an edit was received from Shopify',
    );
    expect(conflicted.conflictActions).toEqual([
      { label: 'Unlink processed documents', method: 'POST', path: '/api/shops/EU/orders/1/unlink' },
      { label: 'Re-import order', method: 'POST', path: '/api/shops/EU/orders/1/reimport' },
    ]);
    expect(conflicted.payloadVersions.map((v: { updatedAt: string }) => v.updatedAt)).toEqual([
      at(14, 13),
      at(13),
    ]);
    // The fake books wrote no sales document: still missing, conflict or not.
    expect(conflicted.reconciliation.status).toBe('differences');
    expect((await call('GET', '/api/shops/EU/orders/999')).statusCode).toBe(404);
  });
});
