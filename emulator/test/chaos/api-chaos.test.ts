import { afterEach, describe, expect, it } from 'vitest';
import type { ApiChaosConfig } from '../../src/index.ts';
import { createChaos } from '../../src/chaos/chaos.ts';
import { startHarness, VERSION, type Harness } from '../http/harness.ts';

const CALLS = 1_000;
let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.close();
  h = undefined;
});

async function outcomes(chaos: ApiChaosConfig, api: 'rest' | 'graphql' = 'rest'): Promise<string[]> {
  const local = await startHarness({ throttle: 'off', chaos });
  const results: string[] = [];
  for (let call = 0; call < CALLS; call++) {
    try {
      const response =
        api === 'rest'
          ? await local.raw(`/admin/api/${VERSION}/orders/count.json`)
          : await local.raw(`/admin/api/${VERSION}/graphql.json`, {
              method: 'POST',
              body: JSON.stringify({ query: '{ shop { id } }' }),
            });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      results.push(
        Array.isArray(body.errors) ? String(body.errors[0]?.extensions?.code) : String(response.status),
      );
    } catch {
      results.push('reset');
    }
  }
  await local.emulator.close();
  return results;
}

const share = (results: string[], outcome: string) =>
  results.filter((r) => r === outcome).length / results.length;

describe('API chaos (seeded, deterministic)', () => {
  it('answers HTTP 500 at the configured rate, the same calls for the same seed', async () => {
    const first = await outcomes({ seed: 42, serverErrorRate: 0.1 });
    expect(share(first, '500')).toBeGreaterThan(0.07);
    expect(share(first, '500')).toBeLessThan(0.13);
    expect(await outcomes({ seed: 42, serverErrorRate: 0.1 })).toEqual(first);
    expect(await outcomes({ seed: 43, serverErrorRate: 0.1 })).not.toEqual(first);
  });

  it('answers GraphQL 500s with INTERNAL_SERVER_ERROR', async () => {
    const results = await outcomes({ serverErrorRate: 0.2 }, 'graphql');
    expect(share(results, 'INTERNAL_SERVER_ERROR')).toBeGreaterThan(0.16);
    expect(share(results, 'INTERNAL_SERVER_ERROR')).toBeLessThan(0.24);
  });

  it('destroys connections at the configured rate', async () => {
    const results = await outcomes({ seed: 7, connectionResetRate: 0.05 });
    expect(share(results, 'reset')).toBeGreaterThan(0.03);
    expect(share(results, 'reset')).toBeLessThan(0.07);
    expect(share(results, '200')).toBeCloseTo(1 - share(results, 'reset'), 5);
  });

  it('forces THROTTLED (GraphQL) and 429 (REST) at the configured rate', async () => {
    const graphql = await outcomes({ throttleRate: 0.2 }, 'graphql');
    expect(share(graphql, 'THROTTLED')).toBeGreaterThan(0.17);
    expect(share(graphql, 'THROTTLED')).toBeLessThan(0.23);
    const rest = await outcomes({ throttleRate: 0.2 });
    expect(share(rest, '429')).toBeGreaterThan(0.17);
    expect(share(rest, '429')).toBeLessThan(0.23);
  });

  it('adds fixed or ranged latency', async () => {
    const harness = (h = await startHarness({ chaos: { latencyMs: 40 } }));
    let started = performance.now();
    await harness.raw(`/admin/api/${VERSION}/orders/count.json`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(39);
    await harness.raw('/__emulator/chaos', { method: 'POST', body: JSON.stringify({ latencyMs: [5, 15] }) });
    started = performance.now();
    await harness.raw(`/admin/api/${VERSION}/orders/count.json`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(4);
  });

  it('is changed at run time through /__emulator/chaos', async () => {
    const harness = (h = await startHarness());
    const post = (body: unknown) =>
      harness.raw('/__emulator/chaos', { method: 'POST', body: JSON.stringify(body) });
    expect(await (await post({ serverErrorRate: 1 })).json()).toMatchObject({ serverErrorRate: 1 });
    expect((await harness.raw(`/admin/api/${VERSION}/orders/count.json`)).status).toBe(500);
    await post({ off: true });
    expect((await harness.raw(`/admin/api/${VERSION}/orders/count.json`)).status).toBe(200);
    expect((await post({ serverErrorRate: 2 })).status).toBe(400);
    expect(await (await harness.raw('/__emulator/chaos')).json()).toMatchObject({
      serverErrorRate: 0,
      seed: 1,
    });
  });
});

describe('createChaos (shared with webhook delivery)', () => {
  it('rolls each named stream independently and reproducibly', () => {
    const a = createChaos({ seed: 5 });
    const b = createChaos({ seed: 5 });
    const rolls = (chaos: typeof a) => Array.from({ length: 50 }, () => chaos.stream('duplicates').roll(0.3));
    b.stream('drops').roll(0.5);
    expect(rolls(a)).toEqual(rolls(b));
    expect(createChaos().roll(0)).toBe(false);
    expect(createChaos().roll(1)).toBe(true);
  });
});
