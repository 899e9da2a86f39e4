import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { describeOnEachBackend } from '../../test/support/test-store.ts';
import type { JobSender, OrderSyncJob } from '../jobs/contract.ts';
import { createLogger } from '../shared/logger.ts';
import type { OnWebhookReceipt } from './receive-webhook.ts';
import {
  openWebhookHarness,
  orderUpdated,
  tableJobs,
  type WebhookHarness,
} from './testing/webhook-harness.ts';
import { groupCommitReceiver, type WebhookReceiver } from './webhook-group-commit.ts';
import { registerWebhookRoutes } from './webhook-routes.ts';

/** A delivery about order `id` (orders/updated unless said otherwise). */
const about = (
  id: number,
  more: { topic?: string; webhookId?: string; eventId?: string; triggeredAt?: string } = {},
) => ({
  body: { ...orderUpdated, id, admin_graphql_api_id: `gid://shopify/Order/${id}` },
  ...more,
});

/**
 * Jobs into the test's table, where the next group told to `holdNext` stops inside its
 * transaction (at its jobs) until released: deliveries arriving meanwhile wait for the next group.
 */
function holdableJobs(inner: JobSender) {
  let held: { reached: () => void; released: Promise<void> } | null = null;
  const jobs: JobSender = {
    sendOrderSync: (db, job) => inner.sendOrderSync(db, job),
    async sendOrderSyncs(db, list: readonly OrderSyncJob[]) {
      const hold = held;
      held = null;
      if (hold) {
        hold.reached();
        await hold.released;
      }
      await inner.sendOrderSyncs(db, list);
    },
  };
  function holdNext() {
    let reached!: () => void;
    let release!: () => void;
    const isReached = new Promise<void>((resolve) => (reached = resolve));
    held = { reached, released: new Promise<void>((resolve) => (release = resolve)) };
    return { reached: isReached, release };
  }
  return { jobs, holdNext };
}

describeOnEachBackend('POST /webhooks/shopify: group commit', (backend) => {
  let h: WebhookHarness;
  let app: FastifyInstance;
  let receiver: WebhookReceiver;
  let hold: ReturnType<typeof holdableJobs>['holdNext'];
  let counted: string[];

  /** The route with a group-commit receiver over `inner` jobs. */
  function serve(inner: JobSender = tableJobs) {
    const holdable = holdableJobs(inner);
    const onReceipt: OnWebhookReceipt = (outcome, topic) => counted.push(`${outcome} ${topic}`);
    receiver = groupCommitReceiver({ db: h.store.db, jobs: holdable.jobs, onReceipt });
    hold = holdable.holdNext;
    app = Fastify();
    registerWebhookRoutes(app, {
      store: h.store,
      secretKey: h.secretKey,
      logger: createLogger('silent'),
      jobs: holdable.jobs,
      receiver,
    });
  }

  /** Holds a first group (one delivery of order 1) in its transaction while `deliveries` come in. */
  async function asOneGroup(deliveries: Parameters<WebhookHarness['deliver']>[1][]) {
    const held = hold();
    const first = h.deliver(app, about(1));
    await held.reached;
    const rest = deliveries.map((delivery) => h.deliver(app, delivery));
    await vi.waitFor(() => expect(receiver.waiting).toBe(deliveries.length));
    held.release();
    expect((await first).json()).toEqual({ outcome: 'accepted' });
    return Promise.all(rest);
  }

  /** Each receipt's and job's transaction id (xmin): rows written by one transaction share it. */
  async function transactions() {
    const receipts = await sql<{ order: string | null; topic: string; tx: string }>`
      select shopify_order_id as "order", topic, xmin::text as tx from webhook_receipts order by id`.execute(
      h.store.db,
    );
    const jobs = await sql<{ order: string; tx: string }>`
      select shopify_order_id as "order", xmin::text as tx from test_order_syncs`.execute(h.store.db);
    return { receipts: receipts.rows, jobs: jobs.rows };
  }

  beforeEach(async () => {
    h = await openWebhookHarness(backend);
    counted = [];
  });
  afterEach(() => h.close());

  it('deliveries arriving while a transaction is written are written together in the next one, receipts with jobs', async () => {
    serve();
    let answered = false;
    const held = hold();
    const first = h.deliver(app, about(1)).then((response) => ((answered = true), response));
    await held.reached;
    const rest = [2, 3, 4, 5, 6].map((id) => h.deliver(app, about(id)));
    const ignored = h.deliver(app, { topic: 'inventory_levels/update', body: { inventory_item_id: 1 } });
    await vi.waitFor(() => expect(receiver.waiting).toBe(6));
    // Not answered while its transaction is open: a 200 means the receipt and the job are durable.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    held.release();

    expect((await first).json()).toEqual({ outcome: 'accepted' });
    expect((await Promise.all(rest)).map((response) => response.json().outcome)).toEqual(
      Array(5).fill('accepted'),
    );
    expect((await ignored).json()).toEqual({ outcome: 'ignored' });
    const { receipts, jobs } = await transactions();
    expect(receipts).toHaveLength(7);
    const group = receipts.slice(1).map((receipt) => receipt.tx);
    expect(new Set(group).size).toBe(1);
    expect(receipts[0]!.tx).not.toBe(group[0]);
    // The group's jobs committed in the group's transaction.
    expect(jobs.filter((job) => job.order !== '1').map((job) => job.tx)).toEqual(Array(5).fill(group[0]));
    expect(counted.filter((line) => line.startsWith('accepted'))).toHaveLength(6);
  });

  it('deliveries that come together are written in one transaction', async () => {
    serve();
    await h.deliver(app, about(1)); // the shop lookup cached, as in a running service
    const responses = await Promise.all([2, 3, 4, 5, 6, 7, 8, 9].map((id) => h.deliver(app, about(id))));
    expect(responses.map((response) => response.json().outcome)).toEqual(Array(8).fill('accepted'));
    const { receipts } = await transactions();
    expect(new Set(receipts.slice(1).map((receipt) => receipt.tx)).size).toBe(1);
  });

  it('within one group: repeats by webhook id and by event id + topic are duplicates, an older delivery is stale', async () => {
    serve();
    const stored = randomUUID();
    expect((await h.deliver(app, about(9, { webhookId: stored }))).json()).toEqual({ outcome: 'accepted' });
    const [webhookId, eventId] = [randomUUID(), randomUUID()];
    const responses = await asOneGroup([
      about(2, { webhookId }),
      about(2, { webhookId }),
      about(3, { eventId }),
      about(3, { eventId }),
      about(3, { eventId, topic: 'orders/paid' }),
      about(4, { triggeredAt: '2026-12-07T10:00:05.000Z' }),
      about(4, { triggeredAt: '2026-12-07T10:00:01.000Z' }),
      about(4, { triggeredAt: '2026-12-07T10:00:05.000Z' }),
      about(9, { webhookId: stored }),
    ]);
    expect(responses.map((response) => response.json().outcome)).toEqual([
      'accepted',
      'duplicate',
      'accepted',
      'duplicate',
      'accepted',
      'accepted',
      'stale',
      'accepted', // equal is not older
      'duplicate', // stored before the group
    ]);
    const { receipts, jobs } = await transactions();
    // The group's rows go in sorted by webhook id, not in arrival order.
    expect(receipts.map((receipt) => receipt.order).sort()).toEqual(['1', '2', '3', '3', '4', '4', '4', '9']);
    expect(jobs.map((job) => job.order).sort()).toEqual(['1', '2', '3', '3', '4', '4', '9']);
    expect(new Set(receipts.slice(2).map((receipt) => receipt.tx)).size).toBe(1);
  });

  it('a group whose transaction fails is written one by one: the bad delivery gets 5xx, the others 200, nothing of the bad one stays', async () => {
    const refusing: JobSender = {
      async sendOrderSync(db, job) {
        await refusing.sendOrderSyncs(db, [job]);
      },
      async sendOrderSyncs(db, jobs) {
        await tableJobs.sendOrderSyncs(db, jobs);
        if (jobs.some((job) => job.shopifyOrderId === '666')) throw new Error('queue refused the job');
      },
    };
    serve(refusing);
    const webhookId = randomUUID();
    const responses = await asOneGroup([
      about(2),
      about(666, { webhookId }),
      about(3),
      { topic: 'inventory_levels/update', body: { inventory_item_id: 1 } },
    ]);
    expect(responses.map((response) => response.statusCode)).toEqual([200, 500, 200, 200]);
    expect(responses.map((response) => response.json().outcome)).toEqual([
      'accepted',
      undefined,
      'accepted',
      'ignored',
    ]);
    const { receipts, jobs } = await transactions();
    expect(receipts.map((receipt) => receipt.order)).toEqual(['1', '2', '3', null]);
    expect(jobs.map((job) => job.order).sort()).toEqual(['1', '2', '3']);
    // Each in its own transaction.
    expect(new Set(receipts.slice(1).map((receipt) => receipt.tx)).size).toBe(3);
    expect(counted.sort()).toEqual([
      'accepted orders/updated',
      'accepted orders/updated',
      'accepted orders/updated',
      'ignored inventory_levels/update',
    ]);
    // Shopify's retry of the refused delivery is taken once the cause is gone.
    serve();
    expect((await h.deliver(app, about(666, { webhookId }))).json()).toEqual({ outcome: 'accepted' });
  });
});
