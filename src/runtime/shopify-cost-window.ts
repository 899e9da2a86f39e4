/** Shopify's cost bucket for a shop as Shopify last reported it (extensions.cost.throttleStatus). */
export interface ReportedBucket {
  maximumAvailable: number;
  currentlyAvailable: number;
  /** Points per second Shopify gives back (100 on standard plans, more on Plus). */
  restoreRate: number;
  reportedAt: string;
}

/** A shop's Shopify API use in a window, as this process's Shopify clients saw it. */
export interface ShopifyCostUse {
  shop: string;
  /** Cost points Shopify charged (actualQueryCost) in the window. */
  usedPoints: number;
  /** The bucket as Shopify last reported it; null before any answer carried one. */
  bucket: ReportedBucket | null;
}

/** How long spent points are remembered (Default: 24 h), by the minute. */
const keptMinutes = 24 * 60;

/**
 * The points each shop spent per minute, for "API cost used vs budget" (issue 9 item 8): a
 * Prometheus counter only grows, and the dashboard needs the points of the last hour.
 */
export class ShopifyCostWindow {
  readonly #perMinute = new Map<string, Map<number, number>>();
  readonly #buckets = new Map<string, ReportedBucket>();

  constructor(private readonly nowMs: () => number = Date.now) {}

  spent(shop: string, points: number): void {
    if (points <= 0) return;
    const minute = Math.floor(this.nowMs() / 60_000);
    const minutes = this.#perMinute.get(shop) ?? new Map<number, number>();
    minutes.set(minute, (minutes.get(minute) ?? 0) + points);
    this.#perMinute.set(shop, minutes);
    for (const old of minutes.keys()) if (old <= minute - keptMinutes) minutes.delete(old);
  }

  reported(shop: string, status: Omit<ReportedBucket, 'reportedAt'>): void {
    this.#buckets.set(shop, { ...status, reportedAt: new Date(this.nowMs()).toISOString() });
  }

  /** Each shop seen, with the points of the last `seconds` (whole minutes, the current one included). */
  use(seconds: number): ShopifyCostUse[] {
    const from = Math.floor((this.nowMs() - seconds * 1000) / 60_000);
    const shops = new Set([...this.#perMinute.keys(), ...this.#buckets.keys()]);
    return [...shops].sort().map((shop) => {
      let usedPoints = 0;
      for (const [minute, points] of this.#perMinute.get(shop) ?? []) if (minute > from) usedPoints += points;
      return { shop, usedPoints, bucket: this.#buckets.get(shop) ?? null };
    });
  }
}
