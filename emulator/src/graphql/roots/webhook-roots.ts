import type { WebhookService } from '../../webhooks/webhook-service.ts';
import { byId, paginate, type ConnectionArgs } from '../connection.ts';
import { numericId } from '../gid.ts';
import { webhookSubscriptionCreate } from '../mutations/webhook-subscription-create.ts';
import { webhookSubscriptionDelete } from '../mutations/webhook-subscription-delete.ts';
import { webhookSubscriptionUpdate } from '../mutations/webhook-subscription-update.ts';
import { webhookSubscriptionView } from '../views/webhook-subscription-view.ts';

interface SubscriptionsArgs extends ConnectionArgs {
  topics?: string[] | null;
  callbackUrl?: string | null;
  format?: string | null;
}

/** QueryRoot and Mutation fields for webhook subscriptions, bound to the shop's WebhookService. */
export function webhookRoots(webhooks: WebhookService) {
  const matching = (args: SubscriptionsArgs) =>
    webhooks.subscriptions
      .list()
      .filter(
        (s) =>
          (!args.topics?.length || args.topics.includes(s.topic)) &&
          (!args.callbackUrl || s.callbackUrl === args.callbackUrl) &&
          (!args.format || s.format === args.format),
      );
  return {
    query: () => ({
      // sortKey CREATED_AT and ID give the same order: ids are handed out in time order.
      webhookSubscriptions: (args: SubscriptionsArgs) =>
        paginate(matching(args), args, byId, webhookSubscriptionView),
      webhookSubscription: (args: { id: string }) => {
        const found = webhooks.subscriptions.get(numericId(args.id, 'WebhookSubscription') ?? -1);
        return found ? webhookSubscriptionView(found) : null;
      },
      webhookSubscriptionsCount: () => ({
        count: webhooks.subscriptions.list().length,
        precision: 'EXACT',
      }),
    }),
    mutation: () => ({
      webhookSubscriptionCreate: (args: Parameters<typeof webhookSubscriptionCreate>[1]) =>
        webhookSubscriptionCreate(webhooks, args),
      webhookSubscriptionUpdate: (args: Parameters<typeof webhookSubscriptionUpdate>[1]) =>
        webhookSubscriptionUpdate(webhooks, args),
      webhookSubscriptionDelete: (args: { id: string }) => webhookSubscriptionDelete(webhooks, args),
    }),
  };
}
