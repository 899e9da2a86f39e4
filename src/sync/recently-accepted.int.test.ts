import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { RawNode, type KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeOnEachBackend } from '../../test/support/test-store.ts';
import { createLogger } from '../shared/logger.ts';
import { RecentlyAccepted } from './recently-accepted.ts';
import {
  openWebhookHarness,
  orderUpdated,
  tableJobs,
  type WebhookHarness,
} from './testing/webhook-harness.ts';
import { groupCommitReceiver } from './webhook-group-commit.ts';
import { registerWebhookRoutes } from './webhook-routes.ts';

const about = (id: number, triggeredAt: string, webhookId = randomUUID()) => ({
  body: { ...orderUpdated, id, admin_graphql_api_id: `gid://shopify/Order/${id}` },
  triggeredAt,
  webhookId,
});

describe('the receiver remembers what it accepted lately', () => {
  it('keeps the newest entries up to its capacity', () => {
    const recent = new RecentlyAccepted(2);
    const at = (iso: string) => ({ triggeredAt: new Date(iso), orderUpdatedAt: null });
    recent.remember('a', at('2026-12-07T10:00:00Z'));
    recent.remember('b', at('2026-12-07T10:00:00Z'));
    recent.remember('a', at('2026-12-07T10:00:05Z')); // a is the newest now
    recent.remember('c', at('2026-12-07T10:00:00Z'));
    expect(recent.size).toBe(2);
    expect(recent.get('b')).toBeUndefined();
    expect(recent.get('a')).toEqual(at('2026-12-07T10:00:05Z'));
  });
});

describeOnEachBackend('POST /webhooks/shopify: stale check from memory', (backend) => {
  let h: WebhookHarness;
  let app: FastifyInstance;
  let staleQueries: number;

  beforeEach(async () => {
    h = await openWebhookHarness(backend);
    staleQueries = 0;
    // Counts the stale check's statement (webhook-receipts-repository.ts latestAcceptedReceipts).
    const counting: KyselyPlugin = {
      transformQuery: ({ node }) => {
        if (RawNode.is(node) && node.sqlFragments.join('?').includes('from webhook_receipts receipt'))
          staleQueries += 1;
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    const receiver = groupCommitReceiver({
      db: h.store.db.withPlugin(counting),
      jobs: tableJobs,
      recentlyAccepted: new RecentlyAccepted(),
    });
    app = Fastify();
    registerWebhookRoutes(app, {
      store: h.store,
      secretKey: h.secretKey,
      logger: createLogger('silent'),
      jobs: tableJobs,
      receiver,
    });
  });
  afterEach(() => h.close());

  const outcome = async (delivery: ReturnType<typeof about>) =>
    ((await h.deliver(app, delivery)).json() as { outcome: string }).outcome;

  it('an order accepted lately is judged without a query: older is stale, newer accepted', async () => {
    expect(await outcome(about(5, '2026-12-07T10:00:05.000Z'))).toBe('accepted');
    expect(staleQueries).toBe(1);
    expect(await outcome(about(5, '2026-12-07T10:00:01.000Z'))).toBe('stale');
    expect(await outcome(about(5, '2026-12-07T10:00:09.000Z'))).toBe('accepted');
    expect(await outcome(about(5, '2026-12-07T10:00:07.000Z'))).toBe('stale');
    expect(staleQueries).toBe(1);
    expect((await h.jobs()).map((job) => job.shopify_order_id)).toEqual(['5', '5']);
    // Another order is not in memory: it is looked up.
    expect(await outcome(about(6, '2026-12-07T10:00:00.000Z'))).toBe('accepted');
    expect(staleQueries).toBe(2);
  });

  it('remembers only what was stored as accepted, not a copy another process stored as stale', async () => {
    const webhookId = randomUUID();
    // Another process stored this delivery first, and judged it stale.
    await h.store.db
      .insertInto('webhook_receipts')
      .values({
        shop_code: 'WEB',
        topic: 'orders/updated',
        webhook_id: webhookId,
        event_id: null,
        shopify_order_id: '7',
        triggered_at: new Date('2026-12-07T10:00:05.000Z'),
        order_updated_at: null,
        api_version: '2025-01',
        outcome: 'stale',
      })
      .execute();
    expect(await outcome(about(7, '2026-12-07T10:00:05.000Z', webhookId))).toBe('duplicate');
    // Nothing of order 7 was accepted anywhere: an older delivery is not stale.
    expect(await outcome(about(7, '2026-12-07T10:00:01.000Z'))).toBe('accepted');
  });
});
