import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createControllableClock, type ControllableClock } from '../../src/index.ts';
import { startHarness, VERSION, type Harness } from '../http/harness.ts';

const fixture = JSON.parse(
  readFileSync(
    new URL('../../../../shared/shopify/fixtures/graphql-error-shapes/rest-429.json', import.meta.url),
    'utf8',
  ),
) as { http_status: number; body: unknown };

let clock: ControllableClock;
let h: Harness;
beforeEach(async () => {
  clock = createControllableClock({ start: '2025-03-01T10:00:00Z', mode: 'frozen' });
  h = await startHarness({ clock });
});
afterEach(() => h.emulator.close());

const count = () => h.raw(`/admin/api/${VERSION}/orders/count.json`);

describe('REST leaky bucket', () => {
  it('counts calls in X-Shopify-Shop-Api-Call-Limit and answers 429 on the 41st (Standard: 40, 2/s)', async () => {
    for (let call = 1; call <= 40; call++) {
      const response = await count();
      expect(response.status).toBe(200);
      expect(response.headers.get('x-shopify-shop-api-call-limit')).toBe(`${call}/40`);
    }
    const refused = await count();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-shopify-shop-api-call-limit')).toBeNull();
    expect(refused.headers.get('retry-after')).toBe('0.5');
    expect(await refused.json()).toEqual({
      errors:
        'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.',
    });
    clock.advance(500);
    expect((await count()).headers.get('x-shopify-shop-api-call-limit')).toBe('40/40');
  });

  it('answers the recorded Advanced-plan 429 body (bucket 80, leak 4/s)', async () => {
    await h.raw('/__emulator/throttle', { method: 'POST', body: JSON.stringify({ plan: 'advanced' }) });
    for (let call = 1; call <= 80; call++) expect((await count()).status).toBe(200);
    const refused = await count();
    expect(refused.status).toBe(fixture.http_status);
    expect(await refused.json()).toEqual(fixture.body);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+\.\d$/);
  });

  it('leaks 2 calls per second', async () => {
    for (let call = 0; call < 40; call++) await count();
    clock.advance(5_000);
    expect((await count()).headers.get('x-shopify-shop-api-call-limit')).toBe('31/40');
  });
});
