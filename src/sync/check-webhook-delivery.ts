import {
  parseWebhookPayload,
  readWebhookHeaders,
  verifyWebhookHmac,
  webhookHmacHeader,
  webhookOrderRef,
  webhookShopDomain,
  type IncomingHeaders,
} from '../shopify/index.ts';
import type { VerifiedDelivery } from './receive-webhook.ts';
import type { FindWebhookShop } from './webhook-shops.ts';

/**
 * Why a delivery is refused, for the log: never the body, the secret or the HMAC. Topic and
 * webhook id are as the sender wrote them (unverified when the HMAC did not match).
 */
export interface Refusal {
  status: 400 | 401;
  reason: string;
  topic: string | undefined;
  shopDomain: string | undefined;
  webhookId: string | undefined;
  /** Whether the HMAC matched, i.e. whether topic and ids come from Shopify. */
  authenticated: boolean;
}

export type CheckedDelivery = { ok: true; verified: VerifiedDelivery } | { ok: false; refusal: Refusal };

/**
 * Authenticates a delivery before reading anything else of it: the shop by its domain, then the
 * HMAC of the raw body with that shop's secret (shopify.dev "Verify webhooks"). Only then are the
 * headers and the body read. Unknown shop or bad HMAC: 401; malformed: 400. Shopify retries
 * either, and nothing is stored.
 */
export async function checkWebhookDelivery(
  findShop: FindWebhookShop,
  headers: IncomingHeaders,
  rawBody: Buffer,
): Promise<CheckedDelivery> {
  const shopDomain = webhookShopDomain(headers);
  const refuse = (status: 400 | 401, reason: string, authenticated = false): CheckedDelivery => ({
    ok: false,
    refusal: { status, reason, shopDomain: shopDomain?.slice(0, 100), authenticated, ...senderIds(headers) },
  });
  if (shopDomain === undefined) return refuse(400, 'missing X-Shopify-Shop-Domain');
  const shop = await findShop(shopDomain);
  if (!shop) return refuse(401, 'unknown shop domain');
  if (!shop.secret)
    return refuse(401, `shop "${shop.code}" has no webhookSecret or clientSecret to verify with`);
  const hmac = webhookHmacHeader(headers);
  if (hmac === undefined) return refuse(401, 'missing X-Shopify-Hmac-Sha256');
  if (!verifyWebhookHmac(rawBody, hmac, shop.secret.reveal())) return refuse(401, 'HMAC does not match');

  const read = readWebhookHeaders(headers);
  if (!read.ok) return refuse(400, read.reason, true);
  const payload = parseWebhookPayload(rawBody);
  if (!payload) return refuse(400, 'body is not a JSON object', true);
  const order = webhookOrderRef(read.delivery.topic, payload);
  if (order.kind === 'missing') return refuse(400, order.reason, true);
  return { ok: true, verified: { shopCode: shop.code, delivery: read.delivery, order } };
}

/** Topic and webhook id for the log, cut short: a forged header could be anything. */
function senderIds(headers: IncomingHeaders): Pick<Refusal, 'topic' | 'webhookId'> {
  return { topic: short(headers['x-shopify-topic']), webhookId: short(headers['x-shopify-webhook-id']) };
}

function short(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined ? undefined : text.slice(0, 100);
}
