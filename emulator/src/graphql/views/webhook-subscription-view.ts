import type { WebhookSubscription } from '../../webhooks/subscriptions.ts';
import { gid } from '../gid.ts';

/** WebhookSubscription with its HTTP endpoint (the only endpoint kind the emulator delivers to). */
export function webhookSubscriptionView(subscription: WebhookSubscription) {
  return {
    __typename: 'WebhookSubscription',
    id: gid('WebhookSubscription', subscription.id),
    legacyResourceId: String(subscription.id),
    topic: subscription.topic,
    endpoint: { __typename: 'WebhookHttpEndpoint', callbackUrl: subscription.callbackUrl },
    callbackUrl: subscription.callbackUrl,
    format: subscription.format,
    includeFields: subscription.includeFields,
    metafieldNamespaces: subscription.metafieldNamespaces,
    filter: subscription.filter,
    apiVersion: {
      handle: subscription.apiVersion,
      displayName: subscription.apiVersion,
      supported: true,
    },
    createdAt: subscription.createdAt,
    updatedAt: subscription.updatedAt,
  };
}
