import { describe, expect, it } from 'vitest';
import { createShopifyClient } from './client.ts';
import { ShopifyUnavailableError } from './errors.ts';

const connection = {
  shopDomain: 'demo.myshopify.com',
  apiVersion: '2026-01',
  accessToken: 'shpat_test',
  endpoint: 'http://127.0.0.1:4010',
};
const created = { data: { refundCreate: { refund: null, userErrors: [] } } };

/** A fake Shopify answering from a script, recording the bodies it was sent. */
function scripted(replies: ({ status: number; body?: unknown } | Error)[]) {
  const bodies: { query: string; variables: Record<string, unknown> }[] = [];
  const fetchApi: typeof fetch = async (_input, init) => {
    bodies.push(JSON.parse(String(init?.body)));
    const reply = replies.shift();
    if (!reply) throw new Error('no scripted reply left');
    if (reply instanceof Error) throw reply;
    return new Response(JSON.stringify(reply.body ?? {}), { status: reply.status });
  };
  return { bodies, deps: { fetch: fetchApi, sleep: async () => {}, random: () => 0.5 } };
}

describe('a write (refundCreate, orderCancel, orderMarkAsPaid) through the client', () => {
  it('is not sent again after a 5xx or a lost connection: Shopify may have run it', async () => {
    for (const failure of [{ status: 503 }, new TypeError('socket hang up')]) {
      const shopify = scripted([failure, { status: 200, body: created }]);
      const client = createShopifyClient(connection, shopify.deps);
      await expect(client.request('RefundCreate', { input: {} }, { write: true })).rejects.toBeInstanceOf(
        ShopifyUnavailableError,
      );
      expect(shopify.bodies).toHaveLength(1);
    }
  });

  it('is sent again after HTTP 429, which Shopify answers without running it', async () => {
    const shopify = scripted([{ status: 429 }, { status: 200, body: created }]);
    const result = await createShopifyClient(connection, shopify.deps).request(
      'RefundCreate',
      { input: {} },
      { write: true },
    );
    expect(result.attempts).toBe(2);
  });

  it('carries @idempotent(key:) and the key when one is given (API 2026-01)', async () => {
    const shopify = scripted([{ status: 200, body: created }]);
    await createShopifyClient(connection, shopify.deps).request(
      'RefundCreate',
      { input: {} },
      { write: true, idempotencyKey: 'ticket-42' },
    );
    expect(shopify.bodies[0]?.query).toContain(
      'refundCreate(input: $input) @idempotent(key: $idempotencyKey)',
    );
    expect(shopify.bodies[0]?.variables).toEqual({ input: {}, idempotencyKey: 'ticket-42' });
  });
});
