/**
 * A leaky bucket (shopify.dev "Shopify API rate limits", "The leaky bucket algorithm"): each call
 * adds to the bucket, the bucket leaks at a steady rate, and a call that would overflow it is
 * refused. Time comes from the emulator clock, so tests move it instead of sleeping.
 */
export interface LeakyBucket {
  /** Bucket size (GraphQL points or REST requests). */
  readonly capacity: number;
  /** Leak (restore) rate per second. */
  readonly leakPerSecond: number;
  /** Filled amount now, after leaking. */
  used(): number;
  /** Room left now (`capacity - used`). */
  available(): number;
  /** Adds `amount` if it fits; false (and nothing added) if it would overflow. */
  tryAdd(amount: number): boolean;
  /** Takes `amount` back out (a refund); never below empty. */
  remove(amount: number): void;
  /** Seconds until `amount` fits. */
  secondsUntilFits(amount: number): number;
  /** Empties the bucket. */
  empty(): void;
}

/** Rounding slack so that 0.1 + 0.2 style float errors never refuse a call that fits exactly. */
const EPSILON = 1e-9;

export function createLeakyBucket(capacity: number, leakPerSecond: number, nowMs: () => number): LeakyBucket {
  let level = 0;
  let at = nowMs();
  const leak = () => {
    const now = nowMs();
    level = Math.max(0, level - (Math.max(0, now - at) / 1000) * leakPerSecond);
    at = now;
    return level;
  };
  return {
    capacity,
    leakPerSecond,
    used: leak,
    available: () => capacity - leak(),
    tryAdd: (amount) => {
      if (leak() + amount > capacity + EPSILON) return false;
      level += amount;
      return true;
    },
    remove: (amount) => {
      level = Math.max(0, leak() - amount);
    },
    secondsUntilFits: (amount) => Math.max(0, (leak() + amount - capacity) / leakPerSecond),
    empty: () => {
      leak();
      level = 0;
    },
  };
}
