import {
  listWebhookSubscriptions,
  type ShopifyClient,
  type WebhookSubscriptionState,
} from '../shopify/index.ts';
import { getShopConnection, type ShopConnection } from './get-shop-connection.ts';
import type { ShopDeps } from './shop-codec.ts';
import { shopifyClientFor } from './shopify-client-for.ts';
import { callbackUrlFor, isOurs, wantedFormat, wantedWebhookTopics } from './webhook-subscription-plan.ts';

export interface SubscriptionStatus {
  topic: string;
  /** Where Shopify sends it; for a missing one, where it should (null when no address is known). */
  callbackUrl: string | null;
  /**
   * `subscribed`: wanted and right; `missing`: wanted, but Shopify has none right (`webhooks sync`
   * fixes it); `unexpected`: Shopify has it and storebridge does not want it there.
   */
  status: 'subscribed' | 'missing' | 'unexpected';
}

export interface WebhookSubscriptionStatus {
  /** Where Shopify should send webhooks: `<public URL>/webhooks/shopify`; null without a public URL. */
  address: string | null;
  autoSyncOrders: boolean;
  subscriptions: SubscriptionStatus[];
}

export interface WebhookStatusDeps extends ShopDeps {
  /** Default: a client from the shop's connection. */
  readonly clientFor?: (connection: ShopConnection) => ShopifyClient;
}

/**
 * The shop's webhook subscriptions in Shopify against the wanted set (webhook-subscription-plan.ts):
 * with auto sync on, every wanted topic at the address; with it off, none of ours. Without a
 * public URL any of ours for a wanted topic counts as subscribed, wherever it points.
 */
export async function webhookSubscriptionStatus(
  deps: WebhookStatusDeps,
  shopCode: string,
  publicUrl: string | undefined,
): Promise<WebhookSubscriptionStatus> {
  const connection = await getShopConnection(deps, shopCode);
  const address = publicUrl?.trim() ? callbackUrlFor(publicUrl) : null;
  const client = (deps.clientFor ?? ((c) => shopifyClientFor(c)))(connection);
  const existing = await listWebhookSubscriptions(client);
  const autoSyncOrders = connection.settings.autoSyncOrders;
  const wanted: readonly string[] = autoSyncOrders ? wantedWebhookTopics : [];
  const right = (subscription: WebhookSubscriptionState) =>
    isOurs(subscription) &&
    subscription.format === wantedFormat &&
    (address === null || subscription.callbackUrl === address);
  const subscribed = new Set<WebhookSubscriptionState>();
  const statuses: SubscriptionStatus[] = wanted.map((topic) => {
    const found = existing.find((s) => s.topic === topic && right(s) && !subscribed.has(s));
    if (!found) return { topic, callbackUrl: address, status: 'missing' };
    subscribed.add(found);
    return { topic, callbackUrl: found.callbackUrl, status: 'subscribed' };
  });
  for (const subscription of existing)
    if (!subscribed.has(subscription))
      statuses.push({
        topic: subscription.topic,
        callbackUrl: subscription.callbackUrl,
        status: 'unexpected',
      });
  return { address, autoSyncOrders, subscriptions: statuses };
}
