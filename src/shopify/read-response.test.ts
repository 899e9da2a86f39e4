import { describe, expect, it } from 'vitest';
import { readSharedJson } from '../../test/support/shared-paths.ts';
import { ShopifyQueryError, ShopifyThrottledError } from './errors.ts';
import { readGraphqlBody } from './read-response.ts';

const fixture = (name: string) =>
  readSharedJson<{ body: unknown }>(`fixtures/graphql-error-shapes/${name}`).body;

describe('reading Shopify GraphQL responses (recorded shapes)', () => {
  it('returns data and the cost of a successful response', () => {
    const { data, cost } = readGraphqlBody<{ product: { title: string } }>(fixture('success-with-cost.json'));
    expect(data.product.title).toBe('Aera');
    expect(cost?.throttleStatus).toEqual({
      maximumAvailable: 1000,
      currentlyAvailable: 999,
      restoreRate: 50,
    });
  });

  it('turns THROTTLED (HTTP 200) into a retryable error that waits for the missing points', () => {
    // requested 862, available 572, restore 200/s: 290 points missing = 1.45 s
    const error = catchError(() => readGraphqlBody(fixture('throttled.json')));
    expect(error).toBeInstanceOf(ShopifyThrottledError);
    expect(error).toMatchObject({ retryable: true, retryAfterMs: 1450, code: 'shopify_throttled' });
  });

  it('waits a second on the minimal THROTTLED shape without cost figures', () => {
    expect(catchError(() => readGraphqlBody(fixture('webhook-subscription-throttled.json')))).toMatchObject({
      retryAfterMs: 1000,
    });
  });

  it('treats MAX_COST_EXCEEDED as a permanent query error', () => {
    const error = catchError(() => readGraphqlBody(fixture('max-cost-exceeded.json')));
    expect(error).toBeInstanceOf(ShopifyQueryError);
    expect(error).toMatchObject({ retryable: false, message: expect.stringContaining('Query cost is 1293') });
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
