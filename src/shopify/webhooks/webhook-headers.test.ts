import { describe, expect, it } from 'vitest';
import { webhookHeaders } from '../../../emulator/src/webhooks/sign-webhook.ts';
import { readWebhookHeaders, webhookShopDomain, type IncomingHeaders } from './webhook-headers.ts';

// The headers of one delivery as the emulator sends them (shopify.dev "Webhook headers").
const sent: IncomingHeaders = webhookHeaders('{}', 'secret', {
  topic: 'orders/updated',
  shopDomain: 'Web.myshopify.com',
  apiVersion: '2025-01',
  webhookId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
  eventId: '98880550-7158-44d4-b7cd-2c97c8a091b5',
  triggeredAt: '2023-03-29T18:00:27.877041743Z',
});
const without = (name: string): IncomingHeaders =>
  Object.fromEntries(Object.entries(sent).filter(([key]) => key !== name));

const delivery = {
  topic: 'orders/updated',
  shopDomain: 'web.myshopify.com',
  apiVersion: '2025-01',
  webhookId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
  eventId: '98880550-7158-44d4-b7cd-2c97c8a091b5',
  triggeredAt: new Date('2023-03-29T18:00:27.877Z'),
};

const cases: { name: string; headers: IncomingHeaders; expected: unknown }[] = [
  { name: 'every header', headers: sent, expected: { ok: true, delivery } },
  {
    name: 'no event id (optional)',
    headers: without('x-shopify-event-id'),
    expected: { ok: true, delivery: { ...delivery, eventId: null } },
  },
  {
    name: 'trigger time with an offset',
    headers: { ...sent, 'x-shopify-triggered-at': '2021-12-31T19:00:00-05:00' },
    expected: { ok: true, delivery: { ...delivery, triggeredAt: new Date('2022-01-01T00:00:00Z') } },
  },
  {
    name: 'unreadable trigger time: the stale check is skipped, the delivery kept',
    headers: { ...sent, 'x-shopify-triggered-at': 'yesterday' },
    expected: { ok: true, delivery: { ...delivery, triggeredAt: null } },
  },
  {
    name: 'no API version',
    headers: without('x-shopify-api-version'),
    expected: { ok: true, delivery: { ...delivery, apiVersion: null } },
  },
  {
    name: 'repeated header: the first',
    headers: { ...sent, 'x-shopify-topic': ['orders/updated', 'orders/create'] },
    expected: { ok: true, delivery },
  },
  {
    name: 'no topic',
    headers: without('x-shopify-topic'),
    expected: { ok: false, reason: 'missing X-Shopify-Topic' },
  },
  {
    name: 'blank topic',
    headers: { ...sent, 'x-shopify-topic': '  ' },
    expected: { ok: false, reason: 'missing X-Shopify-Topic' },
  },
  {
    name: 'no shop domain',
    headers: without('x-shopify-shop-domain'),
    expected: { ok: false, reason: 'missing X-Shopify-Shop-Domain' },
  },
  {
    name: 'no webhook id',
    headers: without('x-shopify-webhook-id'),
    expected: { ok: false, reason: 'missing X-Shopify-Webhook-Id' },
  },
];

describe('readWebhookHeaders', () => {
  it.each(cases)('$name', ({ headers, expected }) => {
    expect(readWebhookHeaders(headers)).toEqual(expected);
  });

  it('reads the shop domain trimmed and in lower case', () => {
    expect(webhookShopDomain({ 'x-shopify-shop-domain': ' Web.MyShopify.com ' })).toBe('web.myshopify.com');
    expect(webhookShopDomain({})).toBeUndefined();
  });
});
