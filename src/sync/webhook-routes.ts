import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../db/index.ts';
import type { JobSender } from '../jobs/contract.ts';
import type { Logger } from '../shared/logger.ts';
import { checkWebhookDelivery, type Refusal } from './check-webhook-delivery.ts';
import type { OnWebhookReceipt } from './receive-webhook.ts';
import { RecentlyAccepted } from './recently-accepted.ts';
import { groupCommitReceiver, type WebhookReceiver } from './webhook-group-commit.ts';
import { cachedWebhookShops, type FindWebhookShop } from './webhook-shops.ts';

export interface WebhookRoutesDeps {
  store: Store;
  secretKey: Buffer;
  logger: Logger;
  /** The queue order syncs go to (Default: none, and every delivery is answered 503). */
  jobs?: JobSender | undefined;
  /** Counts deliveries by outcome (Default: none). */
  onWebhookReceipt?: OnWebhookReceipt | undefined;
  /** Finds a delivery's shop (Default: a few seconds' cache over the shops, webhook-shops.ts). */
  findShop?: FindWebhookShop | undefined;
  /**
   * Writes verified deliveries (Default: group commit over `store` and `jobs`, counting with
   * `onWebhookReceipt`; webhook-group-commit.ts).
   */
  receiver?: WebhookReceiver | undefined;
}

/**
 * Large orders make large payloads; Fastify's default of 1 MiB would refuse them with 413 and
 * Shopify would retry in vain (Default: 5 MiB).
 */
const bodyLimit = 5 * 1024 * 1024;

/**
 * `POST /webhooks/shopify`: verify, store the receipt, enqueue, answer 200 (Medusa's shape: the
 * route only verifies and enqueues; the job does the work). Shopify waits 5 s and retries any
 * other answer, so refusals and failures are retried and a 200 means the delivery is safe.
 */
export function registerWebhookRoutes(app: FastifyInstance, deps: WebhookRoutesDeps): void {
  const findShop = deps.findShop ?? cachedWebhookShops({ db: deps.store.db, secretKey: deps.secretKey });
  const receiver = deps.receiver ?? defaultReceiver(deps);
  // Its own plugin scope: the HMAC needs the raw bytes, and only this route gets them unparsed.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, keepRaw);
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, keepRaw);
    // Fastify's two info lines per request cost ~15% of an ack at 500 deliveries/s (bench:webhooks);
    // refusals are still logged below, and every delivery is counted in /metrics.
    scope.post('/webhooks/shopify', { bodyLimit, logLevel: 'warn' }, (request, reply) =>
      handle(request, reply),
    );
  });

  async function handle(request: FastifyRequest, reply: FastifyReply) {
    if (!receiver) {
      // Not 200: a delivery acknowledged here would be lost; Shopify retries a 503.
      deps.logger.warn('webhook refused: no job queue');
      return reply.code(503).send(failure('webhooks_unavailable', 'webhooks are not accepted: no job queue'));
    }
    const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const checked = await checkWebhookDelivery(findShop, request.headers, rawBody);
    if (!checked.ok) return refuse(reply, checked.refusal);
    return { outcome: await receiver.receive(checked.verified) };
  }

  function refuse(reply: FastifyReply, refusal: Refusal) {
    const { status, reason, topic, shopDomain, webhookId, authenticated } = refusal;
    // Named fields only: never the body (customer data), the secret or the HMAC.
    deps.logger.warn({ topic, shopDomain, webhookId, reason, status }, 'webhook refused');
    deps.onWebhookReceipt?.('refused', authenticated && topic !== undefined ? topic : 'unverified');
    return status === 401
      ? reply.code(401).send(failure('webhook_unauthenticated', 'webhook could not be verified'))
      : reply.code(400).send(failure('webhook_malformed', reason));
  }
}

/**
 * One group in flight (the receiver's default), on either store. On PGlite it has one connection
 * anyway. On a PostgreSQL server more groups at once looked faster while the repeats' counter row
 * (0019) made them wait for each other; without it, on 2 cores shared with the database, each
 * group in flight is one more backend wanting the CPU, and every round trip of every group waits
 * for it. One group at a time makes the groups bigger and the round trips fewer (bench:webhooks on
 * PostgreSQL, quiet machine, ack p99: at 500/s 28.6 ms with one in flight, 38.6 with three, 48-60
 * with six; at 1,000/s 59.5 ms with one, 323 ms with six).
 */
function defaultReceiver(deps: WebhookRoutesDeps): WebhookReceiver | undefined {
  if (!deps.jobs) return undefined;
  return groupCommitReceiver({
    db: deps.store.db,
    jobs: deps.jobs,
    onReceipt: deps.onWebhookReceipt,
    recentlyAccepted: new RecentlyAccepted(),
  });
}

function keepRaw(_request: FastifyRequest, body: Buffer | string, done: (error: null, body: Buffer) => void) {
  done(null, Buffer.isBuffer(body) ? body : Buffer.from(body));
}

function failure(code: string, message: string) {
  return { error: { code, message } };
}
