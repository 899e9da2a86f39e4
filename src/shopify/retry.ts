/**
 * Retry schedule for retryable Shopify failures (5xx, network, 429 without Retry-After):
 * exponential backoff from `baseMs`, capped at `capMs`, with full jitter so that many workers
 * do not retry in step. Defaults: 5 attempts, 500 ms base, 30 s cap.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. Default 5. */
  maxAttempts: number;
  /** Delay before the first retry, before jitter. Default 500 ms. */
  baseMs: number;
  /** Longest delay between attempts. Default 30,000 ms. */
  capMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseMs: 500, capMs: 30_000 };

/** Delay before attempt `attempt + 1` (attempt counts from 1); `random` in [0, 1). */
export function backoffDelay(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
