import { shopifyClientFor } from './shopify-client-for.ts';
import { ConfigurationError, ValidationError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';
import {
  createWebhookSubscription,
  deleteWebhookSubscription,
  listWebhookSubscriptions,
  updateWebhookSubscription,
  type ShopifyClient,
} from '../shopify/index.ts';
import { getShopConnection, type ShopConnection } from './get-shop-connection.ts';
import type { ShopDeps } from './shop-codec.ts';
import { callbackUrlFor, planWebhookSubscriptions, wantedFormat } from './webhook-subscription-plan.ts';

export interface WebhookSyncDeps extends ShopDeps {
  /** Default: a client from the shop's connection (its endpoint and access token). */
  readonly clientFor?: (connection: ShopConnection) => ShopifyClient;
  readonly logger?: Logger | undefined;
}

export interface WebhookSyncOptions {
  /** `--address`, else STOREBRIDGE_PUBLIC_URL; required while the shop's auto sync is on. */
  publicUrl?: string | undefined;
}

/** What `webhooks sync` did, by topic (`WebhookSubscriptionTopic` values). */
export interface WebhookSyncReport {
  shopCode: string;
  autoSyncOrders: boolean;
  /** Where the subscriptions point; null when auto sync is off (ours are removed). */
  callbackUrl: string | null;
  created: string[];
  updated: string[];
  deleted: string[];
  unchanged: string[];
  /** `3 created, 0 updated, 0 deleted, 15 unchanged`. */
  summary: string;
}

/**
 * Makes the shop's webhook subscriptions exactly the wanted set (webhook-subscription-plan.ts):
 * with auto sync on (seed 002 "Auto Sync Orders"), every wanted topic to `<public url>/webhooks/shopify`
 * in JSON; with it off, none of ours. Idempotent: a second run finds nothing to do. Shopify's
 * refusal stops the run with ShopifyWebhookSubscriptionError naming the topic; what was done
 * before it stays done, and the next run picks up from there.
 */
export async function syncWebhookSubscriptions(
  deps: WebhookSyncDeps,
  shopCode: string,
  options: WebhookSyncOptions = {},
): Promise<WebhookSyncReport> {
  const connection = await getShopConnection(deps, shopCode);
  const autoSyncOrders = connection.settings.autoSyncOrders;
  const callbackUrl = autoSyncOrders ? callbackUrlFor(requirePublicUrl(options.publicUrl)) : null;
  const client = (deps.clientFor ?? ((c) => shopifyClientFor(c, deps.logger ? { logger: deps.logger } : {})))(
    connection,
  );
  const plan = planWebhookSubscriptions(await listWebhookSubscriptions(client), callbackUrl);
  for (const subscription of plan.delete) await deleteWebhookSubscription(client, subscription);
  const destination = { callbackUrl: callbackUrl!, format: wantedFormat } as const;
  for (const subscription of plan.update) await updateWebhookSubscription(client, subscription, destination);
  for (const topic of plan.create) await createWebhookSubscription(client, topic, destination);
  const report = {
    shopCode,
    autoSyncOrders,
    callbackUrl,
    created: plan.create,
    updated: plan.update.map((s) => s.topic),
    deleted: plan.delete.map((s) => s.topic),
    unchanged: plan.unchanged.map((s) => s.topic),
  };
  deps.logger?.info({ shopCode, ...counts(report) }, 'webhook subscriptions synced');
  return { ...report, summary: summaryOf(report) };
}

function requirePublicUrl(publicUrl: string | undefined): string {
  if (publicUrl === undefined || publicUrl.trim() === '') {
    throw new ConfigurationError(
      'No public URL for webhook subscriptions: set STOREBRIDGE_PUBLIC_URL or pass --address <url> ' +
        '(the https address Shopify reaches this service at, e.g. https://books.example.com)',
    );
  }
  let url: URL | null = null;
  try {
    url = new URL(publicUrl.trim());
  } catch {
    // reported below, with the other unusable addresses
  }
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new ValidationError(
      'address: must be an http:// or https:// URL without query or fragment, e.g. https://books.example.com',
    );
  }
  return publicUrl;
}

function counts(report: Pick<WebhookSyncReport, 'created' | 'updated' | 'deleted' | 'unchanged'>) {
  return {
    created: report.created.length,
    updated: report.updated.length,
    deleted: report.deleted.length,
    unchanged: report.unchanged.length,
  };
}

function summaryOf(report: Pick<WebhookSyncReport, 'created' | 'updated' | 'deleted' | 'unchanged'>): string {
  const n = counts(report);
  return `${n.created} created, ${n.updated} updated, ${n.deleted} deleted, ${n.unchanged} unchanged`;
}
