import type { SubscriptionInput } from '../../webhooks/subscriptions.ts';
import type { WebhookService } from '../../webhooks/webhook-service.ts';
import { webhookSubscriptionView } from '../views/webhook-subscription-view.ts';

/** webhookSubscriptionCreate: an HTTP subscription to one topic for this shop. */
export function webhookSubscriptionCreate(
  webhooks: WebhookService,
  args: { topic: string; webhookSubscription: SubscriptionInput },
) {
  const result = webhooks.subscribe(args.topic, args.webhookSubscription);
  return result.ok
    ? { webhookSubscription: webhookSubscriptionView(result.subscription), userErrors: [] }
    : { webhookSubscription: null, userErrors: result.userErrors };
}
