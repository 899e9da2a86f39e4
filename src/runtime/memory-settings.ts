import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what the last full collection left live before it
 * collects again, in percent (Default: 50, i.e. to 1.5x). V8's own choice is up to 4x when the
 * program allocates fast, and a sync allocates fast: every import batch (100 orders, about a
 * second of work) outlives the young generation and is promoted, then dies. A 10,000-order bulk
 * backfill kept ~45 MB live but let the old generation reach ~130 MB of mostly garbage (peak RSS
 * ~280-300 MB); at 1.5x it stays near 50 MB (peak RSS ~200 MB) for the same CPU time
 * (docs/order-import.md "Memory"). Nothing is capped: a heap that truly needs more still grows.
 */
export const heapGrowingPercent = 50;

/**
 * Applies storebridge's V8 memory settings to this process: the CLI (every command, the service
 * and workers) calls it first thing; a benchmark that runs the product in its own process calls
 * it too, so that it measures what the product runs with. V8 reads the growing factor at every
 * full collection, so setting it after start-up takes effect from the next one.
 */
export function applyMemorySettings(): void {
  setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
}
