import type { ControlRoute, Reply } from '../server.ts';
import { deliveryView } from './deliveries.ts';
import type { DeliveryChaosOptions } from './delivery-chaos.ts';
import { webhookSubscriptionSummary } from './subscriptions.ts';
import type { WebhookService } from './webhook-service.ts';

/**
 * `/__emulator/webhooks/...`:
 * - `GET deliveries[?topic=&state=]` -> the delivery log, oldest first (payload, attempts, state);
 * - `POST deliveries/reset` -> forgets finished deliveries;
 * - `GET subscriptions` -> the subscriptions;
 * - `GET chaos` / `POST chaos {seed?, duplicateRate?, dropRate?, delayWindowMs?}` -> delivery chaos;
 * - `POST flush` -> sends what is due now (also retries made due by moving the clock) and waits.
 */
export function webhookControlRoutes(webhooks: WebhookService): ControlRoute[] {
  const base = '/__emulator/webhooks';
  return [
    { method: 'GET', path: `${base}/deliveries`, handle: ({ query }) => deliveries(webhooks, query) },
    {
      method: 'POST',
      path: `${base}/deliveries/reset`,
      handle: () => {
        webhooks.dispatcher.resetLog();
        return { status: 200, body: { ok: true } };
      },
    },
    {
      method: 'GET',
      path: `${base}/subscriptions`,
      handle: () => ({ status: 200, body: webhooks.subscriptions.list().map(webhookSubscriptionSummary) }),
    },
    { method: 'GET', path: `${base}/chaos`, handle: () => ({ status: 200, body: webhooks.chaos.options }) },
    { method: 'POST', path: `${base}/chaos`, handle: ({ body }) => configureChaos(webhooks, body) },
    {
      method: 'POST',
      path: `${base}/flush`,
      handle: async () => {
        await webhooks.settle();
        return { status: 200, body: { ok: true } };
      },
    },
  ];
}

function deliveries(webhooks: WebhookService, query: URLSearchParams): Reply {
  const topic = query.get('topic');
  const state = query.get('state');
  const list = webhooks.dispatcher
    .deliveries()
    .filter((d) => (!topic || d.topic === topic) && (!state || d.state === state))
    .map(deliveryView);
  return { status: 200, body: list };
}

function configureChaos(webhooks: WebhookService, body: unknown): Reply {
  const change = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const problems = Object.entries(change).flatMap(([key, value]) => {
    if (!['seed', 'duplicateRate', 'dropRate', 'delayWindowMs'].includes(key))
      return [`unknown setting ${key}`];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      return [`${key} must be a number >= 0`];
    if (key.endsWith('Rate') && value > 1) return [`${key} must be between 0 and 1`];
    return [];
  });
  if (problems.length > 0) return { status: 400, body: { errors: problems } };
  webhooks.chaos.configure(change as DeliveryChaosOptions);
  return { status: 200, body: webhooks.chaos.options };
}
