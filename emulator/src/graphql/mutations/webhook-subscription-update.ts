import type { SubscriptionInput } from '../../webhooks/subscriptions.ts';
import type { WebhookService } from '../../webhooks/webhook-service.ts';
import { numericId } from '../gid.ts';
import { webhookSubscriptionView } from '../views/webhook-subscription-view.ts';

/**
 * webhookSubscriptionUpdate: a new address applies to later events; retries already under way
 * keep the address of their trigger (changelog "Updates to webhook retry mechanism").
 */
export function webhookSubscriptionUpdate(
  webhooks: WebhookService,
  args: { id: string; webhookSubscription: SubscriptionInput },
) {
  const id = numericId(args.id, 'WebhookSubscription') ?? -1;
  const result = webhooks.subscriptions.update(id, args.webhookSubscription);
  return result.ok
    ? { webhookSubscription: webhookSubscriptionView(result.subscription), userErrors: [] }
    : { webhookSubscription: null, userErrors: result.userErrors };
}
