import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createControllableClock, type ControllableClock } from '../../src/index.ts';
import { startHarness, type Harness } from '../http/harness.ts';

const fixture = JSON.parse(
  readFileSync(
    new URL('../../../../shared/shopify/fixtures/graphql-error-shapes/throttled.json', import.meta.url),
    'utf8',
  ),
) as { body: { errors: unknown[]; extensions: { cost: Record<string, unknown> } } };

// A mutation costs 10 requested and 10 actual (Shopify: "Mutation: 10"), whatever it returns.
const tenPoints = 'mutation { tagsAdd(id: "gid://shopify/Order/1", tags: ["x"]) { userErrors { message } } }';

let clock: ControllableClock;
let h: Harness;
beforeEach(async () => {
  clock = createControllableClock({ start: '2025-03-01T10:00:00Z', mode: 'frozen' });
  h = await startHarness({ clock });
});
afterEach(() => h.emulator.close());

const throttle = async () =>
  (await (await h.raw('/__emulator/throttle')).json()) as { graphql: { currentlyAvailable: number } };

describe('GraphQL cost throttling (Standard: 2,000 points, 100/s)', () => {
  it('answers every call until the bucket is empty, then THROTTLED in the recorded shape', async () => {
    for (let call = 1; call <= 200; call++) {
      const response = await h.gql(tenPoints);
      expect(response.errors).toBeUndefined();
      expect(response.extensions?.cost.throttleStatus.currentlyAvailable).toBe(2000 - call * 10);
    }
    const refused = await h.gql(tenPoints);
    expect(refused.status).toBe(200);
    const { status: _status, data: _data, ...body } = refused;
    expect(body).toEqual({
      errors: fixture.body.errors,
      extensions: {
        cost: {
          requestedQueryCost: 10,
          actualQueryCost: null,
          throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 },
        },
      },
    });
    expect(Object.keys(refused.extensions!.cost)).toEqual(Object.keys(fixture.body.extensions.cost));
  });

  it('admits a call as soon as the restore covers its requested cost, not before', async () => {
    for (let call = 0; call < 200; call++) await h.gql(tenPoints);
    clock.advance(99);
    expect((await h.gql(tenPoints)).errors?.[0]?.extensions?.code).toBe('THROTTLED');
    clock.advance(1);
    expect((await h.gql(tenPoints)).errors).toBeUndefined();
  });

  it('restores at 100 points per second (within 5%)', async () => {
    for (let call = 0; call < 200; call++) await h.gql(tenPoints);
    for (const seconds of [0.5, 2.5, 7.3]) {
      await h.raw('/__emulator/throttle', { method: 'POST', body: JSON.stringify({ reset: true }) });
      for (let call = 0; call < 200; call++) await h.gql(tenPoints);
      clock.advance(seconds * 1000);
      const available = (await throttle()).graphql.currentlyAvailable;
      expect(Math.abs(available - seconds * 100)).toBeLessThanOrEqual(seconds * 100 * 0.05);
    }
    clock.advance(60_000);
    expect((await throttle()).graphql.currentlyAvailable).toBe(2000);
  });

  it('admits on the requested cost and charges the actual cost (refunding the difference)', async () => {
    const response = await h.gql('{ orders(first: 99) { nodes { id } } }');
    expect(response.extensions?.cost).toMatchObject({ requestedQueryCost: 101, actualQueryCost: 2 });
    expect(response.extensions?.cost.throttleStatus.currentlyAvailable).toBe(1998);
  });

  it('switches plan at run time and never throttles when off', async () => {
    await h.raw('/__emulator/throttle', { method: 'POST', body: JSON.stringify({ plan: 'advanced' }) });
    expect((await h.gql('{ shop { id } }')).extensions?.cost.throttleStatus).toEqual({
      maximumAvailable: 4000,
      currentlyAvailable: 3999,
      restoreRate: 200,
    });
    await h.raw('/__emulator/throttle', { method: 'POST', body: JSON.stringify({ plan: 'off' }) });
    for (let call = 0; call < 250; call++) expect((await h.gql(tenPoints)).errors).toBeUndefined();
    // A full bucket of the largest plan: a client pacing by the report is not held back either.
    expect((await h.gql(tenPoints)).extensions?.cost.throttleStatus).toEqual({
      maximumAvailable: 20000,
      currentlyAvailable: 20000,
      restoreRate: 1000,
    });
    const bad = await h.raw('/__emulator/throttle', {
      method: 'POST',
      body: JSON.stringify({ plan: 'gold' }),
    });
    expect(bad.status).toBe(400);
  });
});
