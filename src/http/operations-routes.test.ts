import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openStore, type Store } from '../db/index.ts';
import { createMetrics } from '../runtime/metrics.ts';
import { createLogger } from '../shared/logger.ts';
import { buildServer } from './server.ts';

const logger = createLogger('silent');
const secretKey = randomBytes(32);

describe('GET /metrics', () => {
  let store: Store;
  beforeAll(async () => (store = await openStore({ dataDir: 'memory://' })));
  afterAll(() => store.close());

  it('answers the exposition format with what was recorded and the jobs counted at scrape time', async () => {
    const jobCounts = async () => [{ queue: 'shopify-webhook', state: 'retry', count: 2 }];
    const metrics = createMetrics({ jobCounts });
    const app = buildServer({ store, logger, secretKey, routes: [], metrics });
    metrics.webhookReceipt('orders/updated', 'stale');
    metrics.shopifyRequest('WEB', { outcome: 'ok', costPoints: 12 });
    metrics.shopifyRequest('WEB', { outcome: 'ok', costPoints: 30 });
    await app.inject({ method: 'GET', url: '/health' });

    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const lines = response.body.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'storebridge_webhook_receipts_total{topic="orders/updated",outcome="stale"} 1',
        'storebridge_shopify_requests_total{shop="WEB",outcome="ok"} 2',
        'storebridge_shopify_cost_points_total{shop="WEB"} 42',
        'storebridge_jobs{queue="shopify-webhook",state="retry"} 2',
        'storebridge_http_request_duration_seconds_count{route="/health",status="200"} 1',
        expect.stringMatching(/^process_resident_memory_bytes \d+/),
      ]),
    );
    await app.close();
  });

  it('has a registry of its own per server', async () => {
    const app = buildServer({ store, logger, secretKey, routes: [] });
    const body = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(body).toContain('# HELP storebridge_webhook_receipts_total');
    expect(body).not.toContain('storebridge_webhook_receipts_total{');
    expect(body).not.toContain('storebridge_jobs{');
    await app.close();
  });
});

describe('GET /ready', () => {
  it('is 503 until the migrations ran, then 200; 503 again once the database is gone', async () => {
    const store = await openStore({ dataDir: 'memory://' });
    const app = buildServer({ store, logger, secretKey, routes: [] });
    const unmigrated = await app.inject({ method: 'GET', url: '/ready' });
    expect(unmigrated.statusCode).toBe(503);
    expect(unmigrated.json()).toMatchObject({ status: 'not_ready', reason: /^migrations pending: 0001/ });

    await migrateToLatest(store.db);
    const ready = await app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });

    await store.close();
    const closed = await app.inject({ method: 'GET', url: '/ready' });
    expect(closed.statusCode).toBe(503);
    expect(closed.json()).toEqual({ status: 'not_ready', reason: 'database unreachable (pglite)' });
    // liveness is a different question, and still answered
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(503);
    await app.close();
  });

  it("adds the runtime's own checks (the job queue started)", async () => {
    const store = await openStore({ dataDir: 'memory://' });
    await migrateToLatest(store.db);
    let queueStarted = false;
    const readiness = async () =>
      queueStarted ? { ready: true } : { ready: false, reason: 'job queue not started' };
    const app = buildServer({ store, logger, secretKey, routes: [], readiness });
    const starting = await app.inject({ method: 'GET', url: '/ready' });
    expect(starting.statusCode).toBe(503);
    expect(starting.json()).toEqual({ status: 'not_ready', reason: 'job queue not started' });

    queueStarted = true;
    expect((await app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);

    const failing = buildServer({
      store,
      logger,
      secretKey,
      routes: [],
      readiness: () => Promise.reject(new Error('boom')),
    });
    expect((await failing.inject({ method: 'GET', url: '/ready' })).json()).toEqual({
      status: 'not_ready',
      reason: 'readiness check failed: boom',
    });
    await Promise.all([app.close(), failing.close()]);
    await store.close();
  });
});
