/**
 * The emulator's in-process event hook: features announce what happened in the shop
 * (`bulk_operations/finish`, ...) and others (webhook delivery) subscribe. Topics use Shopify's
 * webhook topic names; payloads are plain JSON, in the shape of that webhook's body.
 * Listeners run synchronously in subscription order; a throwing listener is reported and skipped.
 */
export type EventListener = (payload: unknown, topic: string) => void;

export interface EventBus {
  emit(topic: string, payload: unknown): void;
  /** Subscribes to one topic, or to every topic with `'*'`; returns the unsubscribe function. */
  on(topic: string, listener: EventListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Map<string, Set<EventListener>>();
  return {
    emit(topic, payload) {
      for (const listener of [...(listeners.get(topic) ?? []), ...(listeners.get('*') ?? [])]) {
        try {
          listener(payload, topic);
        } catch (error) {
          console.error(`[emulator] listener of ${topic} failed`, error);
        }
      }
    },
    on(topic, listener) {
      const set = listeners.get(topic) ?? new Set<EventListener>();
      listeners.set(topic, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
