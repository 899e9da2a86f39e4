import type { ThrottleStatus } from './throttle.ts';

/**
 * The GraphQL THROTTLED answer, exactly as recorded in fixtures/graphql-error-shapes/throttled.json:
 * HTTP 200, no Retry-After, `actualQueryCost: null` and the bucket as it is (nothing was charged).
 */
export function throttledGraphqlBody(requestedQueryCost: number, throttleStatus: ThrottleStatus) {
  return {
    errors: [
      {
        message: 'Throttled',
        extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
      },
    ],
    extensions: { cost: { requestedQueryCost, actualQueryCost: null, throttleStatus } },
  };
}

/**
 * The REST 429 (fixtures/graphql-error-shapes/rest-429.json): body naming the leak rate,
 * `Retry-After` as decimal seconds ("4.0"), and no `X-Shopify-Shop-Api-Call-Limit` header.
 */
export function throttledRestReply(retryAfterSeconds: number, leakRate: number) {
  return {
    status: 429,
    headers: { 'retry-after': retryAfterText(retryAfterSeconds) },
    body: {
      errors: `Exceeded ${leakRate} calls per second for api client. Reduce request rates to resume uninterrupted service.`,
    },
  };
}

/** Decimal seconds with one decimal, rounded up so a client that waits this long gets through. */
export function retryAfterText(seconds: number): string {
  return (Math.ceil(Math.max(seconds, 0.1) * 10 - 1e-9) / 10).toFixed(1);
}
