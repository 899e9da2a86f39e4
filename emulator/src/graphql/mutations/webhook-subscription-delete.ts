import type { WebhookService } from '../../webhooks/webhook-service.ts';
import { numericId } from '../gid.ts';

/** webhookSubscriptionDelete: stops all future deliveries to the subscription. */
export function webhookSubscriptionDelete(webhooks: WebhookService, args: { id: string }) {
  const result = webhooks.subscriptions.delete(numericId(args.id, 'WebhookSubscription') ?? -1);
  return result.ok
    ? { deletedWebhookSubscriptionId: args.id, userErrors: [] }
    : { deletedWebhookSubscriptionId: null, userErrors: result.userErrors };
}
