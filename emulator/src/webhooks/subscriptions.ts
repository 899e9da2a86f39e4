import { topicOfEnum } from './topics.ts';

/** A shop-specific HTTP subscription made through the Admin API (`webhookSubscriptionCreate`). */
export interface WebhookSubscription {
  id: number;
  /** `WebhookSubscriptionTopic` value, e.g. `ORDERS_CREATE`. */
  topic: string;
  callbackUrl: string;
  format: 'JSON' | 'XML';
  includeFields: string[];
  metafieldNamespaces: string[];
  filter: string | null;
  /** Admin API version the payloads are serialized with (`X-Shopify-API-Version`). */
  apiVersion: string;
  createdAt: string;
  updatedAt: string;
}

export interface SubscriptionInput {
  callbackUrl?: string | null;
  format?: 'JSON' | 'XML' | null;
  includeFields?: string[] | null;
  metafieldNamespaces?: string[] | null;
  filter?: string | null;
}

export interface SubscriptionError {
  field: string[] | null;
  message: string;
}

export type SubscriptionResult =
  { ok: true; subscription: WebhookSubscription } | { ok: false; userErrors: SubscriptionError[] };

export interface SubscriptionStoreOptions {
  now: () => string;
  nextId: () => number;
  /** Default: '2025-01', the version of the served schema. */
  apiVersion?: string;
}

const callbackField = ['webhookSubscription', 'callbackUrl'];

/**
 * The shop's webhook subscriptions (kept in memory, not in the state folder). Validation follows
 * Shopify's answers: a blank or malformed address, an unsupported protocol, and the same address
 * twice for one topic are refused with userErrors.
 */
export class SubscriptionStore {
  private readonly items = new Map<number, WebhookSubscription>();

  constructor(private readonly options: SubscriptionStoreOptions) {}

  list(): WebhookSubscription[] {
    return [...this.items.values()];
  }

  get(id: number): WebhookSubscription | undefined {
    return this.items.get(id);
  }

  /** Subscriptions that receive a topic such as `orders/create`. */
  forTopic(topic: string): WebhookSubscription[] {
    return this.list().filter((subscription) => topicOfEnum(subscription.topic) === topic);
  }

  create(topic: string, input: SubscriptionInput): SubscriptionResult {
    const errors = this.check(topic, input.callbackUrl, null);
    if (errors.length > 0) return { ok: false, userErrors: errors };
    const now = this.options.now();
    const subscription: WebhookSubscription = {
      id: this.options.nextId(),
      topic,
      callbackUrl: input.callbackUrl!,
      format: input.format ?? 'JSON',
      includeFields: input.includeFields ?? [],
      metafieldNamespaces: input.metafieldNamespaces ?? [],
      filter: input.filter ?? null,
      apiVersion: this.options.apiVersion ?? '2025-01',
      createdAt: now,
      updatedAt: now,
    };
    this.items.set(subscription.id, subscription);
    return { ok: true, subscription };
  }

  update(id: number, input: SubscriptionInput): SubscriptionResult {
    const current = this.items.get(id);
    if (!current) return { ok: false, userErrors: [notFound()] };
    const callbackUrl = input.callbackUrl ?? current.callbackUrl;
    const errors = this.check(current.topic, callbackUrl, id);
    if (errors.length > 0) return { ok: false, userErrors: errors };
    const updated: WebhookSubscription = {
      ...current,
      callbackUrl,
      format: input.format ?? current.format,
      includeFields: input.includeFields ?? current.includeFields,
      metafieldNamespaces: input.metafieldNamespaces ?? current.metafieldNamespaces,
      filter: input.filter === undefined ? current.filter : input.filter,
      updatedAt: this.options.now(),
    };
    this.items.set(id, updated);
    return { ok: true, subscription: updated };
  }

  delete(id: number): { ok: true } | { ok: false; userErrors: SubscriptionError[] } {
    return this.items.delete(id) ? { ok: true } : { ok: false, userErrors: [notFound()] };
  }

  clear(): void {
    this.items.clear();
  }

  private check(topic: string, callbackUrl: string | null | undefined, selfId: number | null) {
    const problem = addressProblem(callbackUrl);
    if (problem) return [{ field: callbackField, message: problem }];
    const taken = this.list().some(
      (other) => other.id !== selfId && other.topic === topic && other.callbackUrl === callbackUrl,
    );
    return taken ? [{ field: callbackField, message: 'Address for this topic has already been taken' }] : [];
  }
}

/**
 * Shopify accepts https addresses only; the emulator also accepts http so that receivers on a
 * developer machine or in a test (http://127.0.0.1:port) can subscribe.
 */
function addressProblem(callbackUrl: string | null | undefined): string | null {
  if (!callbackUrl || callbackUrl.trim() === '') return "Address can't be blank";
  let url: URL;
  try {
    url = new URL(callbackUrl);
  } catch {
    return 'Address is invalid';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `Address protocol ${url.protocol}// is not supported`;
  }
  return null;
}

function notFound(): SubscriptionError {
  return { field: ['id'], message: 'Webhook subscription does not exist' };
}

/** A subscription as the control endpoint lists it (topic also as Shopify's `orders/create`). */
export function webhookSubscriptionSummary(subscription: WebhookSubscription) {
  return { ...subscription, deliveredTopic: topicOfEnum(subscription.topic) };
}
