import type { ControllableClock } from '../clock/controllable-clock.ts';
import type { ShopState } from '../domain/index.ts';
import type { EventBus } from '../events/bus.ts';
import { webhookRoots } from '../graphql/roots/webhook-roots.ts';
import { webhookControlRoutes } from './control-routes.ts';
import { WebhookService, type WebhookOptions } from './webhook-service.ts';

/** Topics announced on the event bus rather than seen in the shop's records. */
const busTopics = ['bulk_operations/finish'] as const;

/**
 * Webhooks for `startEmulator`: the service, its `/__emulator/webhooks` routes and its GraphQL
 * fields. Deliveries and retries are timed on the emulator's clock, so moving the clock fires
 * due retries.
 */
export function attachWebhooks(deps: {
  state: ShopState;
  clock: ControllableClock;
  appSecret: string;
  events: EventBus;
  options?: WebhookOptions;
}) {
  const service = new WebhookService(
    {
      state: deps.state,
      clock: deps.clock.now,
      appSecret: deps.appSecret,
      setTimer: (atMs, callback) => void deps.clock.setTimer(atMs, callback),
    },
    deps.options,
  );
  for (const topic of busTopics) deps.events.on(topic, (payload) => service.publish(topic, payload));
  service.start();
  return { service, controls: webhookControlRoutes(service), graphqlRoots: webhookRoots(service) };
}
