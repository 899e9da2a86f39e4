import { createHmac } from 'node:crypto';

/**
 * `X-Shopify-Hmac-Sha256`: base64 HMAC-SHA256 of the raw body keyed with the app's client
 * secret (shopify.dev "Verify webhooks").
 */
export function webhookHmac(rawBody: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(rawBody, 'utf8').digest('base64');
}

export interface WebhookHeaderValues {
  topic: string;
  shopDomain: string;
  apiVersion: string;
  webhookId: string;
  eventId: string;
  triggeredAt: string;
}

/** The headers of one delivery as Shopify sends them (shopify.dev "Webhook headers"). */
export function webhookHeaders(rawBody: string, appSecret: string, values: WebhookHeaderValues) {
  return {
    'content-type': 'application/json',
    'user-agent': 'Shopify-Captain-Hook',
    'x-shopify-topic': values.topic,
    'x-shopify-hmac-sha256': webhookHmac(rawBody, appSecret),
    'x-shopify-shop-domain': values.shopDomain,
    'x-shopify-api-version': values.apiVersion,
    'x-shopify-webhook-id': values.webhookId,
    'x-shopify-event-id': values.eventId,
    'x-shopify-triggered-at': values.triggeredAt,
  };
}
