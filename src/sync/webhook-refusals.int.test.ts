import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { webhookHeaders, webhookHmac } from '../../emulator/src/webhooks/sign-webhook.ts';
import { describeOnEachBackend } from '../../test/support/test-store.ts';
import type { JobSender } from '../jobs/contract.ts';
import { createLogger } from '../shared/logger.ts';
import {
  openWebhookHarness,
  orderUpdated,
  personalData,
  tableJobs,
  webhookSecret,
  type WebhookHarness,
} from './testing/webhook-harness.ts';
import { registerWebhookRoutes } from './webhook-routes.ts';

describeOnEachBackend('POST /webhooks/shopify: refusals, failures, logs', (backend) => {
  let h: WebhookHarness;
  beforeEach(async () => {
    h = await openWebhookHarness(backend);
  });
  afterEach(() => h.close());

  it.each([
    { name: 'forged (signed with another secret)', delivery: { secret: 'guessed' }, drop: [], status: 401 },
    { name: 'unsigned', delivery: {}, drop: ['x-shopify-hmac-sha256'], status: 401 },
    { name: 'unknown shop', delivery: { shopDomain: 'other.myshopify.com' }, drop: [], status: 401 },
    {
      name: 'shop without a secret',
      delivery: { shopDomain: 'nosecret.myshopify.com' },
      drop: [],
      status: 401,
    },
    { name: 'no shop domain', delivery: {}, drop: ['x-shopify-shop-domain'], status: 400 },
    { name: 'no topic', delivery: {}, drop: ['x-shopify-topic'], status: 400 },
    { name: 'no webhook id', delivery: {}, drop: ['x-shopify-webhook-id'], status: 400 },
    { name: 'body not JSON', delivery: { rawBody: 'id=1&email=jon@example.com' }, drop: [], status: 400 },
    {
      name: 'order topic without order id',
      delivery: { body: { email: 'jon@example.com' } },
      drop: [],
      status: 400,
    },
  ])('$name: $status, nothing stored or enqueued', async ({ delivery, drop, status }) => {
    const response = await h.deliver(h.server(), delivery, drop);
    expect(response.statusCode).toBe(status);
    expect(await h.receipts()).toEqual([]);
    expect(await h.jobs()).toEqual([]);
  });

  it('a body changed after signing: 401', async () => {
    const rawBody = JSON.stringify(orderUpdated);
    const headers = webhookHeaders(rawBody, webhookSecret, {
      topic: 'orders/updated',
      shopDomain: 'web.myshopify.com',
      apiVersion: '2025-01',
      webhookId: randomUUID(),
      eventId: randomUUID(),
      triggeredAt: '2026-12-07T10:00:00.000Z',
    });
    const changed = rawBody.replace('"total_price":"', '"total_price":"1');
    expect(changed).not.toBe(rawBody);
    const response = await h
      .server()
      .inject({ method: 'POST', url: '/webhooks/shopify', headers, payload: changed });
    expect(response.statusCode).toBe(401);
    expect(await h.receipts()).toEqual([]);
  });

  it('refusals are logged with topic, shop, webhook id and reason, never the body, secret or HMAC', async () => {
    const app = h.server();
    const webhookId = randomUUID();
    await h.deliver(app, { webhookId, secret: 'guessed' });
    await h.deliver(app, { body: { ...orderUpdated, id: undefined, admin_graphql_api_id: undefined } });
    await h.deliver(app, { rawBody: `not json ${JSON.stringify(orderUpdated)}` });
    await h.deliver(app);
    const entries = h.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const refusals = entries.filter((entry) => entry.msg === 'webhook refused');
    expect(refusals.map((entry) => [entry.status, entry.reason])).toEqual([
      [401, 'HMAC does not match'],
      [400, 'orders/updated payload has no order id (admin_graphql_api_id, id)'],
      [400, 'body is not a JSON object'],
    ]);
    expect(refusals[0]).toMatchObject({
      topic: 'orders/updated',
      shopDomain: 'web.myshopify.com',
      webhookId,
    });
    const log = h.logLines.join('\n');
    for (const text of [...personalData, webhookSecret, 'guessed']) expect(log).not.toContain(text);
    const rawBody = JSON.stringify(orderUpdated);
    for (const secret of [webhookSecret, 'guessed']) expect(log).not.toContain(webhookHmac(rawBody, secret));
  });

  it('atomic: when enqueueing fails, no receipt remains, the answer is 5xx, and the retry is taken', async () => {
    const failing: JobSender = {
      async sendOrderSync(db, job) {
        await tableJobs.sendOrderSync(db, job);
        throw new Error('queue unavailable');
      },
      async sendOrderSyncs(db, jobs) {
        await tableJobs.sendOrderSyncs(db, jobs);
        throw new Error('queue unavailable');
      },
    };
    const webhookId = randomUUID();
    const failed = await h.deliver(h.server(failing), { webhookId });
    expect(failed.statusCode).toBeGreaterThanOrEqual(500);
    expect(await h.receipts()).toEqual([]);
    expect(await h.jobs()).toEqual([]);
    // Shopify retries with the same webhook id: taken, since nothing of the failed attempt was kept.
    expect((await h.deliver(h.server(), { webhookId })).json()).toEqual({ outcome: 'accepted' });
  });

  it('without a job queue: 503, nothing stored (Shopify retries)', async () => {
    const response = await h.deliver(h.server(null));
    expect(response.statusCode).toBe(503);
    expect(response.json().error.message).toBe('webhooks are not accepted: no job queue');
    expect(await h.receipts()).toEqual([]);
  });

  it('counts each delivery by outcome and topic (refusals before the HMAC as unverified)', async () => {
    const counted: string[] = [];
    const app = Fastify();
    registerWebhookRoutes(app, {
      store: h.store,
      secretKey: h.secretKey,
      logger: createLogger('silent'),
      jobs: tableJobs,
      onWebhookReceipt: (outcome, topic) => counted.push(`${outcome} ${topic}`),
    });
    const webhookId = randomUUID();
    await h.deliver(app, { webhookId });
    await h.deliver(app, { webhookId });
    await h.deliver(app, { secret: 'guessed' });
    await h.deliver(app, { rawBody: 'x' });
    expect(counted).toEqual([
      'accepted orders/updated',
      'duplicate orders/updated',
      'refused unverified',
      'refused orders/updated',
    ]);
  });
});
