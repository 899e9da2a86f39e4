import { AppError } from '../shared/errors.ts';
import type { ShopifyClient } from './client.ts';
import type { ConnectionNode } from './payload.ts';

/** `WebhookSubscriptionFormat`: the body Shopify sends, JSON or XML. */
export type WebhookFormat = 'JSON' | 'XML';

/** One of the app's webhook subscriptions as Shopify lists it. */
export interface WebhookSubscriptionState {
  /** The subscription's GID (`gid://shopify/WebhookSubscription/1`). */
  id: string;
  /** `WebhookSubscriptionTopic` value, e.g. `ORDERS_CREATE`. */
  topic: string;
  format: WebhookFormat;
  /** The HTTP address; null for an EventBridge or Pub/Sub subscription (never ours). */
  callbackUrl: string | null;
}

/** Where and how a subscription delivers: what create and update send. */
export interface WebhookDestination {
  callbackUrl: string;
  format: WebhookFormat;
}

type UserErrors = { field: string[] | null; message: string }[];

/** Shopify refused to create, update or delete a webhook subscription (`userErrors`, verbatim). */
export class ShopifyWebhookSubscriptionError extends AppError {
  readonly code = 'shopify_webhook_subscription_refused';
  readonly retryable = false;
  constructor(
    readonly action: 'create' | 'update' | 'delete',
    readonly topic: string,
    readonly userErrors: readonly { field?: readonly string[] | null; message: string }[],
  ) {
    const detail = userErrors.map((e) => `${(e.field ?? []).join('.') || '(input)'}: ${e.message}`);
    super(`Shopify refused to ${action} the ${topic} webhook subscription: ${detail.join('; ')}`);
  }
}

/** Subscriptions per request (Default: 100; Shopify allows 250, a shop's app has a few dozen). */
const subscriptionsPageSize = 100;

type SubscriptionNode = {
  id: string;
  topic: string;
  format: WebhookFormat;
  endpoint: { __typename: string; callbackUrl?: string };
};

/** Every webhook subscription of our app on the shop, paged to the end (graphql/WebhookSubscriptions.graphql). */
export async function listWebhookSubscriptions(client: ShopifyClient): Promise<WebhookSubscriptionState[]> {
  const found: WebhookSubscriptionState[] = [];
  let after: string | null = null;
  for (;;) {
    const page: ConnectionNode<SubscriptionNode> = await subscriptionsPage(client, after);
    found.push(...page.nodes.map(toState));
    if (!page.pageInfo.hasNextPage) return found;
    after = page.pageInfo.endCursor;
  }
}

async function subscriptionsPage(client: ShopifyClient, after: string | null) {
  const { data } = await client.request<{ webhookSubscriptions: ConnectionNode<SubscriptionNode> }>(
    'WebhookSubscriptions',
    { first: subscriptionsPageSize, after },
  );
  return data.webhookSubscriptions;
}

function toState(node: SubscriptionNode): WebhookSubscriptionState {
  const http = node.endpoint.__typename === 'WebhookHttpEndpoint';
  return {
    id: node.id,
    topic: node.topic,
    format: node.format,
    callbackUrl: http ? (node.endpoint.callbackUrl ?? null) : null,
  };
}

/** webhookSubscriptionCreate; returns the new subscription's GID. */
export async function createWebhookSubscription(
  client: ShopifyClient,
  topic: string,
  destination: WebhookDestination,
): Promise<string> {
  const { data } = await client.request<{
    webhookSubscriptionCreate: { webhookSubscription: { id: string } | null; userErrors: UserErrors };
  }>('WebhookSubscriptionCreate', { topic, webhookSubscription: destination });
  const { webhookSubscription, userErrors } = data.webhookSubscriptionCreate;
  if (userErrors.length > 0 || !webhookSubscription) throw refused('create', topic, userErrors);
  return webhookSubscription.id;
}

/** webhookSubscriptionUpdate: the subscription keeps its id and topic, gets a new address and format. */
export async function updateWebhookSubscription(
  client: ShopifyClient,
  subscription: Pick<WebhookSubscriptionState, 'id' | 'topic'>,
  destination: WebhookDestination,
): Promise<void> {
  const { data } = await client.request<{
    webhookSubscriptionUpdate: { webhookSubscription: { id: string } | null; userErrors: UserErrors };
  }>('WebhookSubscriptionUpdate', { id: subscription.id, webhookSubscription: destination });
  const { webhookSubscription, userErrors } = data.webhookSubscriptionUpdate;
  if (userErrors.length > 0 || !webhookSubscription) throw refused('update', subscription.topic, userErrors);
}

/** webhookSubscriptionDelete: no further deliveries through this subscription. */
export async function deleteWebhookSubscription(
  client: ShopifyClient,
  subscription: Pick<WebhookSubscriptionState, 'id' | 'topic'>,
): Promise<void> {
  const { data } = await client.request<{
    webhookSubscriptionDelete: { deletedWebhookSubscriptionId: string | null; userErrors: UserErrors };
  }>('WebhookSubscriptionDelete', { id: subscription.id });
  const { deletedWebhookSubscriptionId, userErrors } = data.webhookSubscriptionDelete;
  if (userErrors.length > 0 || !deletedWebhookSubscriptionId) {
    throw refused('delete', subscription.topic, userErrors);
  }
}

function refused(action: 'create' | 'update' | 'delete', topic: string, userErrors: UserErrors) {
  // A payload without the subscription and without a reason still must not pass as done.
  const errors = userErrors.length > 0 ? userErrors : [{ field: null, message: 'no subscription returned' }];
  return new ShopifyWebhookSubscriptionError(action, topic, errors);
}
