import { getShopConnection, listShops, type Secret, type ShopDeps } from '../shops/index.ts';

/** A configured shop as the webhook receiver needs it. */
export interface WebhookShop {
  code: string;
  /** webhookSecret, else the app's clientSecret (what Shopify signs with); undefined when neither is set. */
  secret: Secret | undefined;
}

export type FindWebhookShop = (shopDomain: string) => Promise<WebhookShop | undefined>;

export interface WebhookShopCacheOptions {
  /** How long a lookup (found or not) is reused, in ms (Default: 5000). */
  ttlMs?: number;
  /** Domains remembered at most; the cache is emptied when full (Default: 1000). */
  maxEntries?: number;
  /** The clock (Default: Date.now). */
  now?: () => number;
}

/**
 * Finds the shop of `X-Shopify-Shop-Domain`, remembering each answer for a few seconds: the
 * ack should take milliseconds (issue 7: p99 < 25 ms at 500 deliveries/s), and reading and
 * opening a shop's secrets on every delivery would spend most of that. Unknown domains are
 * remembered too, so forged deliveries cannot make every request a database read; the cap keeps
 * a flood of invented domains from growing memory. A changed secret or a new shop is seen after
 * the TTL at most; until then Shopify retries the refused delivery.
 */
export function cachedWebhookShops(deps: ShopDeps, options: WebhookShopCacheOptions = {}): FindWebhookShop {
  const { ttlMs = 5000, maxEntries = 1000, now = Date.now } = options;
  const cache = new Map<string, { expiresAt: number; shop: Promise<WebhookShop | undefined> }>();
  return (shopDomain) => {
    const cached = cache.get(shopDomain);
    if (cached && cached.expiresAt > now()) return cached.shop;
    if (cache.size >= maxEntries) cache.clear();
    // The promise is cached, so concurrent deliveries share one lookup; a failed one is forgotten.
    const shop = findWebhookShop(deps, shopDomain);
    cache.set(shopDomain, { expiresAt: now() + ttlMs, shop });
    shop.catch(() => {
      if (cache.get(shopDomain)?.shop === shop) cache.delete(shopDomain);
    });
    return shop;
  };
}

async function findWebhookShop(deps: ShopDeps, shopDomain: string): Promise<WebhookShop | undefined> {
  const summary = (await listShops(deps)).find((shop) => shop.shopifyDomain === shopDomain);
  if (!summary) return undefined;
  const { secrets } = await getShopConnection(deps, summary.code);
  return { code: summary.code, secret: secrets.webhookSecret ?? secrets.clientSecret };
}
