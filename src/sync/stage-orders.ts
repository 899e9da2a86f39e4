import { getShopConnection } from '../shops/index.ts';
import { cursorAfterPage, later, readCursor, type SyncCursor } from './cursor.ts';
import type { FetchedOrder, OrderSource, SyncDeps } from './ports.ts';
import { stagePage, type StagingContext, type StagingOutcome } from './stage-page.ts';

export interface StageOptions {
  /**
   * true forces a bulk export, false forces pages (Default: bulk when more than
   * `bulkExportThreshold` orders changed since the cursor, as Shopify counts them; a source that
   * cannot count exports in bulk only when the shop has never been synced).
   */
  bulk?: boolean | undefined;
  /**
   * Read again the orders changed this many seconds before the cursor. Shopify's order search is
   * eventually consistent: an order updated just before the newest one seen may show up in
   * `updated_at:>` results only moments later, and a webhook about it may never come (Shopify does
   * not guarantee delivery). Re-read versions are recognised as current and cost no writes.
   */
  overlapSeconds?: number | undefined;
  /** Called after each committed page. */
  onProgress?: ((progress: { fetched: number; staged: number }) => void) | undefined;
  /**
   * Called after each committed page with the ids it staged (for importing while staging goes on).
   * Staging waits for a promise it returns: the importer holds the fetch to its own pace.
   */
  onStaged?: ((shopifyOrderIds: string[]) => void | Promise<void>) | undefined;
}

export interface StageSummary {
  bulk: boolean;
  pages: number;
  fetched: number;
  /** Outcome per fetched order: staged, current (already had it), unchanged, excluded, or why not eligible. */
  outcomes: Record<StagingOutcome, number>;
  cursor: string | null;
}

/**
 * Changed orders above which stageOrders exports in bulk rather than paging (Default choice; 50).
 * Paging costs ~125 actual points an order (every MoneyBag is 3 objects), at most ~0.8 orders/s
 * on Shopify's standard plan (100 points/s restored); a bulk export costs the mutation (10
 * points), a few status polls and ~10 points an ordinary order, but waits for Shopify to write
 * the file (seconds to minutes). Below ~50 orders paging finishes within the 2,000-point bucket
 * about as soon; above it a bulk export is cheaper and faster (issue 5's frugality target).
 */
export const bulkExportThreshold = 50;

/**
 * Orders per transaction of a bulk export. Small, because every order of a chunk is held until its
 * chunk commits: at 100, an order waited ~1 s, outlived V8's young generation and was promoted, and
 * the old generation then grew to about four times what was live (docs/order-import.md "Memory").
 */
const bulkChunkSize = 25;

/**
 * Step 1 (seed 002 "Under the hood"): stage the headers of orders changed since the cursor. Pages
 * from Shopify are staged one transaction each (never a Shopify call inside one); backfills
 * stream a bulk export. Shopify is the source of truth (seed 004 3.4).
 */
export async function stageOrders(
  deps: SyncDeps,
  shopCode: string,
  options: StageOptions = {},
): Promise<StageSummary> {
  const connection = await getShopConnection(deps, shopCode);
  const source = deps.sourceFor(connection);
  const now = deps.now?.() ?? new Date();
  const saved = (await readCursor(deps.db, shopCode)) ?? { value: null, firstSyncAt: now.toISOString() };
  const start = withOverlap(saved, options.overlapSeconds);
  const context: StagingContext = { shopCode, settings: connection.settings, firstSyncAt: start.firstSyncAt };
  const bulk = options.bulk ?? (await preferBulk(source, start));
  const summary: StageSummary = {
    bulk,
    pages: 0,
    fetched: 0,
    outcomes: emptyOutcomes(),
    cursor: start.value,
  };
  const run = bulk ? stageBulk : stagePaged;
  await run(deps, source, context, start, (orders, cursor, outcomes) => {
    summary.pages += 1;
    summary.fetched += orders.length;
    summary.cursor = cursor.value;
    for (const outcome of outcomes) summary.outcomes[outcome] += 1;
    options.onProgress?.({ fetched: summary.fetched, staged: summary.outcomes.staged });
    return options.onStaged?.(
      orders.flatMap((fetched, index) => (outcomes[index] === 'staged' ? [fetched.order.shopifyId] : [])),
    );
  });
  return summary;
}

/** The default path: bulk above `bulkExportThreshold` changed orders (see StageOptions.bulk). */
function withOverlap(cursor: SyncCursor, seconds: number | undefined): SyncCursor {
  if (!cursor.value || !seconds) return cursor;
  return { ...cursor, value: new Date(Date.parse(cursor.value) - seconds * 1000).toISOString() };
}

async function preferBulk(source: OrderSource, start: SyncCursor): Promise<boolean> {
  if (!source.countChangedOrders) return start.value === null;
  return (await source.countChangedOrders(start.value)) > bulkExportThreshold;
}

/** Counts a committed page and hands its staged ids on; staging waits for what it returns. */
type PageDone = (
  orders: readonly FetchedOrder[],
  cursor: SyncCursor,
  outcomes: StagingOutcome[],
) => void | Promise<void>;

async function stagePaged(
  deps: SyncDeps,
  source: OrderSource,
  context: StagingContext,
  start: SyncCursor,
  done: PageDone,
): Promise<void> {
  let cursor = start;
  const pages = source.changedOrders(start.value)[Symbol.asyncIterator]();
  try {
    let next = pages.next();
    for (;;) {
      const read = await next;
      if (read.done) return;
      const page = read.value;
      // The next page is read while this one is staged (a request of its own, never inside the
      // transaction); the cursor still moves only in the transaction of a page staged in full.
      next = pages.next();
      next.catch(() => undefined);
      const updatedAts = page.orders.map((fetched) => fetched.order.updatedAt);
      cursor = { ...cursor, value: cursorAfterPage(cursor.value, updatedAts, page.hasNextPage) };
      const pageCursor = cursor;
      const outcomes = await deps.db
        .transaction()
        .execute((trx) => stagePage(trx, context, page.orders, pageCursor));
      await done(page.orders, pageCursor, outcomes);
    }
  } finally {
    await pages.return?.();
  }
}

/**
 * A bulk export is not sorted by updatedAt, so its cursor moves only once the whole export is
 * staged (to the newest order seen). A run that dies halfway stages the export again from the
 * old cursor: every step is idempotent, so nothing is lost and nothing duplicated.
 */
async function stageBulk(
  deps: SyncDeps,
  source: OrderSource,
  context: StagingContext,
  start: SyncCursor,
  done: PageDone,
): Promise<void> {
  let newest = start.value;
  let chunk: FetchedOrder[] = [];
  // A chunk is staged while the export streams on; chunks commit one after the other, and the
  // final one (which moves the cursor) only after every earlier chunk has committed.
  let staging: Promise<void> = Promise.resolve();
  const flush = async (final: boolean) => {
    const cursor = { ...start, value: final ? newest : start.value };
    const page = { orders: chunk };
    chunk = [];
    await staging;
    const outcomes = await deps.db
      .transaction()
      .execute((trx) => stagePage(trx, context, page.orders, cursor));
    const room = done(page.orders, cursor, outcomes);
    // The importer may keep staging waiting: the staged orders are not needed meanwhile.
    page.orders = [];
    await room;
  };
  for await (const fetched of source.ordersInBulk(start.value)) {
    newest = later(newest, fetched.order.updatedAt);
    chunk.push(fetched);
    if (chunk.length >= bulkChunkSize) {
      await staging;
      staging = flush(false);
      staging.catch(() => undefined);
    }
  }
  await flush(true);
}

function emptyOutcomes(): Record<StagingOutcome, number> {
  return {
    staged: 0,
    current: 0,
    unchanged: 0,
    excluded: 0,
    archived_before_first_sync: 0,
    before_integration_date: 0,
    filtered_out: 0,
  };
}
