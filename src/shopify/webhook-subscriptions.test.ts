import { describe, expect, it } from 'vitest';
import type { ShopifyClient } from './client.ts';
import type { OperationName } from './operations.ts';
import {
  createWebhookSubscription,
  deleteWebhookSubscription,
  listWebhookSubscriptions,
  ShopifyWebhookSubscriptionError,
  updateWebhookSubscription,
} from './webhook-subscriptions.ts';

/** A client that answers each request with the next canned `data`, and records what was asked. */
function cannedClient(answers: unknown[]) {
  const calls: { operation: OperationName; variables: Record<string, unknown> | undefined }[] = [];
  const client: ShopifyClient = {
    async request<T>(operation: OperationName, variables?: Record<string, unknown>) {
      calls.push({ operation, variables });
      return { data: answers.shift() as T, cost: null, attempts: 1 };
    },
  };
  return { client, calls };
}

const node = (id: number, endpoint: Record<string, unknown>) => ({
  id: `gid://shopify/WebhookSubscription/${id}`,
  topic: 'ORDERS_CREATE',
  format: 'JSON',
  endpoint,
});

describe('listWebhookSubscriptions', () => {
  it('reads every page, and an endpoint that is not HTTP has no callback address', async () => {
    const http = { __typename: 'WebhookHttpEndpoint', callbackUrl: 'https://a.example.com/webhooks/shopify' };
    const pubSub = { __typename: 'WebhookPubSubEndpoint' };
    const { client, calls } = cannedClient([
      { webhookSubscriptions: { nodes: [node(1, http)], pageInfo: { hasNextPage: true, endCursor: 'c1' } } },
      {
        webhookSubscriptions: { nodes: [node(2, pubSub)], pageInfo: { hasNextPage: false, endCursor: 'c2' } },
      },
    ]);
    expect(await listWebhookSubscriptions(client)).toEqual([
      {
        id: 'gid://shopify/WebhookSubscription/1',
        topic: 'ORDERS_CREATE',
        format: 'JSON',
        callbackUrl: http.callbackUrl,
      },
      {
        id: 'gid://shopify/WebhookSubscription/2',
        topic: 'ORDERS_CREATE',
        format: 'JSON',
        callbackUrl: null,
      },
    ]);
    expect(calls.map((call) => call.variables)).toEqual([
      { first: 100, after: null },
      { first: 100, after: 'c1' },
    ]);
  });
});

describe('webhook subscription mutations', () => {
  const destination = { callbackUrl: 'https://books.example.com/webhooks/shopify', format: 'JSON' } as const;
  const userErrors = [{ field: ['webhookSubscription', 'callbackUrl'], message: 'Address is invalid' }];

  it('creates with the topic and the destination as Shopify takes them', async () => {
    const { client, calls } = cannedClient([
      {
        webhookSubscriptionCreate: {
          webhookSubscription: { id: 'gid://shopify/WebhookSubscription/9' },
          userErrors: [],
        },
      },
    ]);
    expect(await createWebhookSubscription(client, 'REFUNDS_CREATE', destination)).toBe(
      'gid://shopify/WebhookSubscription/9',
    );
    expect(calls).toEqual([
      {
        operation: 'WebhookSubscriptionCreate',
        variables: { topic: 'REFUNDS_CREATE', webhookSubscription: destination },
      },
    ]);
  });

  it('passes Shopify userErrors on verbatim in a typed error naming the topic', async () => {
    const { client } = cannedClient([
      { webhookSubscriptionCreate: { webhookSubscription: null, userErrors } },
    ]);
    const error = await createWebhookSubscription(client, 'REFUNDS_CREATE', destination).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ShopifyWebhookSubscriptionError);
    expect(error).toMatchObject({
      code: 'shopify_webhook_subscription_refused',
      retryable: false,
      topic: 'REFUNDS_CREATE',
      action: 'create',
      userErrors,
      message:
        'Shopify refused to create the REFUNDS_CREATE webhook subscription: webhookSubscription.callbackUrl: Address is invalid',
    });
  });

  it('refuses an update or delete that comes back without its subscription', async () => {
    const subscription = { id: 'gid://shopify/WebhookSubscription/3', topic: 'ORDERS_PAID' };
    const { client } = cannedClient([
      { webhookSubscriptionUpdate: { webhookSubscription: null, userErrors } },
      {
        webhookSubscriptionDelete: {
          deletedWebhookSubscriptionId: null,
          userErrors: [{ field: ['id'], message: 'Webhook subscription does not exist' }],
        },
      },
    ]);
    await expect(updateWebhookSubscription(client, subscription, destination)).rejects.toMatchObject({
      action: 'update',
      topic: 'ORDERS_PAID',
    });
    await expect(deleteWebhookSubscription(client, subscription)).rejects.toThrow(
      'Shopify refused to delete the ORDERS_PAID webhook subscription: id: Webhook subscription does not exist',
    );
  });
});
