import type { LatestAccepted } from './webhook-receipts-repository.ts';

/**
 * What this process's receiver accepted lately, per order (keyed by `receiptOrderKey`), so that
 * the stale check of a group whose orders are all here needs no query. Shopify sends a burst of
 * deliveries for one change of an order (orders/updated, orders/paid, fulfillments/create...),
 * and a group is then one statement shorter.
 *
 * Only what was committed as accepted is remembered, so an entry is never newer than the receipts
 * table, though it may be older (another process may have accepted a later delivery of the
 * order). A delivery judged stale against an entry is therefore stale against the table too. One
 * judged against an entry older than the table may be accepted where the table would say stale:
 * its job re-reads an order already read, which costs a read and changes nothing (and pg-boss
 * keeps one queued job per order). Pruned receipts do not matter: a delivery older than an
 * accepted one is stale whether or not that receipt is still kept.
 *
 * Bounded: the oldest entries go first (a Map iterates in insertion order, and an entry
 * remembered again moves to the end).
 */
export class RecentlyAccepted {
  readonly #entries = new Map<string, LatestAccepted>();

  constructor(readonly capacity = 20_000) {}

  get(orderKey: string): LatestAccepted | undefined {
    return this.#entries.get(orderKey);
  }

  remember(orderKey: string, latest: LatestAccepted): void {
    this.#entries.delete(orderKey);
    this.#entries.set(orderKey, latest);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
