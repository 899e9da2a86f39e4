import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Logger } from '../shared/logger.ts';
import { ShopifyCostWindow, type ReportedBucket, type ShopifyCostUse } from './shopify-cost-window.ts';

export type { ReportedBucket, ShopifyCostUse } from './shopify-cost-window.ts';

/** What happened to a webhook delivery at the receiver. */
export type WebhookOutcome = 'accepted' | 'duplicate' | 'stale' | 'ignored' | 'refused';
/** One attempt of a Shopify request: answered, THROTTLED, failed and retried, or given up. */
export type ShopifyRequestOutcome = 'ok' | 'throttled' | 'retried' | 'failed';

/** Jobs per queue and state, as the job queue counts them at scrape time. */
export interface JobCount {
  queue: string;
  state: string;
  count: number;
}

/**
 * What the rest of the code records, without knowing prom-client: the HTTP server, the webhook
 * receiver, the Shopify clients (through `shopifyObserver`) and the import.
 */
export interface Metrics {
  webhookReceipt(topic: string, outcome: WebhookOutcome): void;
  shopifyRequest(shop: string, request: { costPoints: number; outcome: ShopifyRequestOutcome }): void;
  throttleWait(shop: string, seconds: number): void;
  /** Shopify's bucket as an answer reported it. */
  shopifyBucket(shop: string, bucket: Omit<ReportedBucket, 'reportedAt'>): void;
  /** Points spent per shop in the last `seconds` by this process's clients, and each shop's last reported bucket. */
  shopifyCostUse(seconds: number): ShopifyCostUse[];
  importError(shop: string, code: string): void;
  /** `route` is the route pattern (`/api/shops/:code`), never the raw URL: labels must stay few. */
  httpRequest(route: string, status: number, seconds: number): void;
  /** The Prometheus text exposition of this process's metrics. */
  render(): Promise<{ contentType: string; body: string }>;
}

export interface MetricsOptions {
  /** Counts the job queue's jobs at scrape time; without it `storebridge_jobs` has no samples. */
  jobCounts?: (() => Promise<readonly JobCount[]>) | undefined;
  /** Node's process metrics (CPU, memory, event loop lag); Default: on. */
  processMetrics?: boolean | undefined;
  logger?: Logger | undefined;
  /** The clock of the cost window (Default: the system clock). */
  nowMs?: (() => number) | undefined;
}

/**
 * One registry per server or worker process (not prom-client's global one), so tests can build
 * several servers and each scrape shows only its own process.
 */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const m = defineMetrics(registry, options);
  const costWindow = new ShopifyCostWindow(options.nowMs);
  return {
    webhookReceipt: (topic, outcome) => m.webhookReceipts.inc({ topic, outcome }),
    shopifyRequest(shop, { costPoints, outcome }) {
      m.shopifyRequests.inc({ shop, outcome });
      // Also for 0 points (failed attempts): the shop's series exists, so its rate reads 0, not absent.
      m.costPoints.inc({ shop }, Math.max(0, costPoints));
      costWindow.spent(shop, costPoints);
    },
    shopifyBucket: (shop, bucket) => costWindow.reported(shop, bucket),
    shopifyCostUse: (seconds) => costWindow.use(seconds),
    throttleWait: (shop, seconds) => m.throttleWait.inc({ shop }, Math.max(0, seconds)),
    importError: (shop, code) => m.importErrors.inc({ shop, code }),
    httpRequest: (route, status, seconds) =>
      m.httpDuration.observe({ route, status: String(status) }, seconds),
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

function defineMetrics(registry: Registry, options: MetricsOptions) {
  const registers = [registry];
  return {
    webhookReceipts: new Counter({
      name: 'storebridge_webhook_receipts_total',
      help: 'Shopify webhook deliveries received, by topic and outcome: accepted (queued for sync), duplicate (already received), stale (older than what we have), ignored (topic or shop not synced), refused (bad signature or malformed).',
      labelNames: ['topic', 'outcome'],
      registers,
    }),
    jobs: jobsGauge(registers, options),
    costPoints: new Counter({
      name: 'storebridge_shopify_cost_points_total',
      help: "Shopify GraphQL cost points actually used, per shop (Shopify's actualQueryCost): how much of the shop's API budget storebridge spends.",
      labelNames: ['shop'],
      registers,
    }),
    shopifyRequests: new Counter({
      name: 'storebridge_shopify_requests_total',
      help: 'Shopify API request attempts per shop, by outcome: ok, throttled (Shopify said THROTTLED; tried again), retried (429, 5xx or network failure; tried again), failed (given up; the sync reports an error).',
      labelNames: ['shop', 'outcome'],
      registers,
    }),
    throttleWait: new Counter({
      name: 'storebridge_shopify_throttle_wait_seconds_total',
      help: "Seconds requests waited for the shop's Shopify cost bucket to refill before being sent: a steady rise means syncs are limited by Shopify's rate limit.",
      labelNames: ['shop'],
      registers,
    }),
    importErrors: new Counter({
      name: 'storebridge_import_errors_total',
      help: 'Orders whose import failed, per shop and error code (e.g. item_not_found, customer_not_found): each needs attention before its documents are created.',
      labelNames: ['shop', 'code'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'storebridge_http_request_duration_seconds',
      help: 'Time to answer HTTP requests (API and webhooks), by route and status.',
      labelNames: ['route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
  };
}

/** Read from the queue at each scrape, so the gauge is never stale and no one has to keep it up to date. */
function jobsGauge(registers: Registry[], { jobCounts, logger }: MetricsOptions) {
  return new Gauge({
    name: 'storebridge_jobs',
    help: 'Jobs in the queue right now, by queue and state (e.g. created, active, retry, failed = needs attention).',
    labelNames: ['queue', 'state'],
    registers,
    async collect() {
      this.reset();
      if (!jobCounts) return;
      try {
        for (const { queue, state, count } of await jobCounts()) this.set({ queue, state }, count);
      } catch (error) {
        // A scrape still shows everything else; the gauge has no samples rather than old ones.
        logger?.warn({ err: error }, 'metrics: job counts unavailable');
      }
    },
  });
}

/** The shape of src/shopify's `ClientObserver`, restated so metrics need not import the client. */
export interface ShopifyObserver {
  request(outcome: ShopifyRequestOutcome, costPoints: number): void;
  waited(ms: number): void;
  bucket(status: Omit<ReportedBucket, 'reportedAt'>): void;
}

/** A Shopify client's observer that records into `metrics` under the shop's code. */
export function shopifyObserver(metrics: Metrics, shop: string): ShopifyObserver {
  return {
    request: (outcome, costPoints) => metrics.shopifyRequest(shop, { outcome, costPoints }),
    waited: (ms) => metrics.throttleWait(shop, ms / 1000),
    bucket: (status) => metrics.shopifyBucket(shop, status),
  };
}

/** For tests and CLI commands: records nothing, renders an empty exposition. */
export const noopMetrics: Metrics = {
  webhookReceipt: () => undefined,
  shopifyRequest: () => undefined,
  throttleWait: () => undefined,
  shopifyBucket: () => undefined,
  shopifyCostUse: () => [],
  importError: () => undefined,
  httpRequest: () => undefined,
  render: async () => ({ contentType: 'text/plain; version=0.0.4; charset=utf-8', body: '' }),
};
