import { describe, expect, it } from 'vitest';
import {
  callbackUrlFor,
  isOurs,
  planWebhookSubscriptions,
  wantedWebhookTopics,
  type ExistingSubscription,
} from './webhook-subscription-plan.ts';

const ours = 'https://books.example.com/webhooks/shopify';
const oldHost = 'https://old.example.com/webhooks/shopify';
const foreign = 'https://erp.example.net/hooks/orders';
const topics = ['ORDERS_CREATE', 'REFUNDS_CREATE'];

let nextId = 1;
function sub(topic: string, callbackUrl: string | null, format = 'JSON'): ExistingSubscription {
  return { id: `gid://shopify/WebhookSubscription/${nextId++}`, topic, format, callbackUrl };
}

/** The plan as topics (with the address each had), so a row reads at a glance. */
function planOf(existing: ExistingSubscription[], callbackUrl: string | null) {
  const plan = planWebhookSubscriptions(existing, callbackUrl, topics);
  const label = (s: ExistingSubscription) => `${s.topic}@${s.callbackUrl}/${s.format}`;
  return {
    create: plan.create,
    update: plan.update.map(label),
    delete: plan.delete.map(label),
    unchanged: plan.unchanged.map(label),
  };
}

describe('planWebhookSubscriptions (wanted vs existing)', () => {
  it.each([
    {
      scenario: 'nothing yet: every topic is created',
      existing: [],
      url: ours,
      expected: { create: topics, update: [], delete: [], unchanged: [] },
    },
    {
      scenario: 'all there: nothing to do',
      existing: [sub('ORDERS_CREATE', ours), sub('REFUNDS_CREATE', ours)],
      url: ours,
      expected: {
        create: [],
        update: [],
        delete: [],
        unchanged: [`ORDERS_CREATE@${ours}/JSON`, `REFUNDS_CREATE@${ours}/JSON`],
      },
    },
    {
      scenario: 'ours on an old host and in XML: updated, not duplicated',
      existing: [sub('ORDERS_CREATE', oldHost), sub('REFUNDS_CREATE', ours, 'XML')],
      url: ours,
      expected: {
        create: [],
        update: [`ORDERS_CREATE@${oldHost}/JSON`, `REFUNDS_CREATE@${ours}/XML`],
        delete: [],
        unchanged: [],
      },
    },
    {
      scenario: 'a foreign address for a wanted topic: left alone, ours created beside it',
      existing: [sub('ORDERS_CREATE', foreign), sub('REFUNDS_CREATE', ours)],
      url: ours,
      expected: {
        create: ['ORDERS_CREATE'],
        update: [],
        delete: [],
        unchanged: [`REFUNDS_CREATE@${ours}/JSON`],
      },
    },
    {
      scenario: 'a topic no longer wanted and a second one of ours for a topic: deleted',
      existing: [
        sub('ORDERS_CREATE', oldHost),
        sub('ORDERS_CREATE', ours),
        sub('REFUNDS_CREATE', ours),
        sub('PRODUCTS_UPDATE', ours),
      ],
      url: ours,
      expected: {
        create: [],
        update: [],
        delete: [`ORDERS_CREATE@${oldHost}/JSON`, `PRODUCTS_UPDATE@${ours}/JSON`],
        unchanged: [`ORDERS_CREATE@${ours}/JSON`, `REFUNDS_CREATE@${ours}/JSON`],
      },
    },
    {
      scenario: 'ours at the wanted address but in XML is the one kept (no "already taken")',
      existing: [sub('ORDERS_CREATE', oldHost), sub('ORDERS_CREATE', ours, 'XML')],
      url: ours,
      expected: {
        create: ['REFUNDS_CREATE'],
        update: [`ORDERS_CREATE@${ours}/XML`],
        delete: [`ORDERS_CREATE@${oldHost}/JSON`],
        unchanged: [],
      },
    },
    {
      scenario: 'auto sync off: all of ours go, foreign and non-HTTP ones stay',
      existing: [
        sub('ORDERS_CREATE', ours),
        sub('REFUNDS_CREATE', oldHost),
        sub('ORDERS_CREATE', foreign),
        sub('ORDERS_CREATE', null),
      ],
      url: null,
      expected: {
        create: [],
        update: [],
        delete: [`ORDERS_CREATE@${ours}/JSON`, `REFUNDS_CREATE@${oldHost}/JSON`],
        unchanged: [],
      },
    },
    {
      scenario: 'auto sync off with nothing of ours: nothing to do',
      existing: [sub('ORDERS_CREATE', foreign)],
      url: null,
      expected: { create: [], update: [], delete: [], unchanged: [] },
    },
  ])('$scenario', ({ existing, url, expected }) => {
    expect(planOf(existing, url)).toEqual(expected);
  });

  it('wants the 18 topics of issue 7, each once', () => {
    expect(wantedWebhookTopics).toHaveLength(18);
    expect(new Set(wantedWebhookTopics).size).toBe(18);
    expect(planWebhookSubscriptions([], ours).create).toEqual([...wantedWebhookTopics]);
  });
});

describe('callbackUrlFor and isOurs', () => {
  it.each([
    ['https://books.example.com', ours],
    ['https://books.example.com/', ours],
    ['https://books.example.com/webhooks/shopify', ours],
    ['https://example.com/storebridge', 'https://example.com/storebridge/webhooks/shopify'],
  ])('%s -> %s', (publicUrl, callback) => {
    expect(callbackUrlFor(publicUrl)).toBe(callback);
  });

  it.each([
    [ours, true],
    ['https://example.com/storebridge/webhooks/shopify', true],
    [`${ours}/`, true],
    [foreign, false],
    ['https://books.example.com/webhooks/shopify-other', false],
    ['not a url', false],
    [null, false],
  ])('%s is ours: %s', (callbackUrl, expected) => {
    expect(isOurs(sub('ORDERS_CREATE', callbackUrl))).toBe(expected);
  });
});
