/** One call to the emulated Shopify API, as `GET /__emulator/log` returns it. */
export interface LogEntry {
  /** ISO time from the emulator's clock. */
  readonly time: string;
  readonly api: 'graphql' | 'rest';
  readonly method: string;
  readonly path: string;
  /** Admin API version from the URL ("2025-01", "unstable"). */
  readonly version: string | null;
  /** GraphQL: "query OrdersPage" / "mutation" / "invalid"; REST: "GET orders.json". */
  readonly operation: string;
  readonly requestedCost: number | null;
  readonly actualCost: number | null;
  readonly status: number;
  readonly durationMs: number;
}

/**
 * The emulator's recorded calls, oldest first, kept in memory (Default cap: 10,000 entries, the
 * oldest dropped first) so tests can assert what a client sent and benchmarks what it cost.
 */
export class RequestLog {
  readonly #entries: LogEntry[] = [];
  readonly #cap: number;

  constructor(cap = 10_000) {
    this.#cap = cap;
  }

  record(entry: LogEntry): void {
    this.#entries.push(entry);
    if (this.#entries.length > this.#cap) this.#entries.splice(0, this.#entries.length - this.#cap);
  }

  list(): readonly LogEntry[] {
    return [...this.#entries];
  }

  reset(): void {
    this.#entries.length = 0;
  }
}
