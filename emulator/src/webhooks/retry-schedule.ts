/**
 * Shopify retries a failed delivery 8 times over 4 hours with exponential backoff (changelog
 * "Updates to webhook retry mechanism", 2024-09-10) but does not publish the intervals. The
 * emulator waits 1 min x 2^n before retry n+1: 1, 2, 4, 8, 16, 32, 64 and 128 minutes, the last
 * retry 4 h 15 min after the first attempt.
 */
export const RETRY_DELAYS_MS: readonly number[] = Array.from({ length: 8 }, (_, n) => 60_000 * 2 ** n);

/** Wait before retry number `retry` (1-based); undefined when the retries are used up. */
export function retryDelayMs(retry: number): number | undefined {
  return RETRY_DELAYS_MS[retry - 1];
}

/** Shopify's response deadline per delivery (shopify.dev "Delivery retries": 5 seconds). */
export const DELIVERY_TIMEOUT_MS = 5_000;
