/** Node's incoming headers: names lower-cased, a repeated header as an array. */
export type IncomingHeaders = Readonly<Record<string, string | string[] | undefined>>;

/**
 * One delivery as its headers describe it (shopify.dev "Webhook headers"). Read only after the
 * HMAC matched: before that, nothing in them can be trusted.
 */
export interface WebhookDelivery {
  /** `orders/updated`, `refunds/create`, ... */
  topic: string;
  /** The shop's permanent `<name>.myshopify.com` domain, lower case. */
  shopDomain: string;
  /** The API version the payload is shaped by (`2025-01`); null when absent. */
  apiVersion: string | null;
  /** Unique per delivery; a retry of the same delivery repeats it. */
  webhookId: string;
  /** Unique per event; the same event delivered to two subscriptions repeats it. Null when absent. */
  eventId: string | null;
  /** When the event happened in Shopify; null when absent or unreadable. */
  triggeredAt: Date | null;
}

export type ReadHeadersResult = { ok: true; delivery: WebhookDelivery } | { ok: false; reason: string };

/** `X-Shopify-Shop-Domain`, trimmed and lower case; undefined when absent or empty. */
export function webhookShopDomain(headers: IncomingHeaders): string | undefined {
  return header(headers, 'x-shopify-shop-domain')?.toLowerCase();
}

/** `X-Shopify-Hmac-Sha256` as sent. */
export function webhookHmacHeader(headers: IncomingHeaders): string | undefined {
  return header(headers, 'x-shopify-hmac-sha256');
}

/**
 * The typed delivery. Topic, shop domain and webhook id are required: without them a delivery
 * cannot be routed or deduplicated. Event id, API version and trigger time are optional, so a
 * delivery of an older API version is still taken; an unreadable trigger time only skips the
 * stale check.
 */
export function readWebhookHeaders(headers: IncomingHeaders): ReadHeadersResult {
  const topic = header(headers, 'x-shopify-topic');
  const shopDomain = webhookShopDomain(headers);
  const webhookId = header(headers, 'x-shopify-webhook-id');
  if (topic === undefined) return { ok: false, reason: 'missing X-Shopify-Topic' };
  if (shopDomain === undefined) return { ok: false, reason: 'missing X-Shopify-Shop-Domain' };
  if (webhookId === undefined) return { ok: false, reason: 'missing X-Shopify-Webhook-Id' };
  return {
    ok: true,
    delivery: {
      topic,
      shopDomain,
      apiVersion: header(headers, 'x-shopify-api-version') ?? null,
      webhookId,
      eventId: header(headers, 'x-shopify-event-id') ?? null,
      triggeredAt: parseTime(header(headers, 'x-shopify-triggered-at')),
    },
  };
}

/** A Shopify timestamp (`2023-03-29T18:00:27.877041743Z`, or with an offset) to a Date; null if unreadable. */
export function parseTime(text: string | undefined): Date | null {
  if (text === undefined) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time);
}

function header(headers: IncomingHeaders, name: string): string | undefined {
  const raw = headers[name];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value === undefined || value === '' ? undefined : value;
}
