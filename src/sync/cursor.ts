import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { iso } from './staging-repository.ts';

export interface SyncCursor {
  /** Shopify's updatedAt of the last order staged durably, verbatim; null before the first page. */
  value: string | null;
  /** When this shop's first sync started: orders archived before it are never imported (seed 002). */
  firstSyncAt: string;
}

export async function readCursor(db: Kysely<Database>, shopCode: string): Promise<SyncCursor | undefined> {
  const row = await db
    .selectFrom('sync_cursors')
    .select(['cursor_value', 'first_sync_at'])
    .where('shop_code', '=', shopCode)
    .where('kind', '=', 'orders')
    .executeTakeFirst();
  return row && { value: row.cursor_value, firstSyncAt: iso(row.first_sync_at) };
}

/** Saved in the same transaction as the page it follows; it never moves back. */
export async function saveCursor(db: Kysely<Database>, shopCode: string, cursor: SyncCursor): Promise<void> {
  await db
    .insertInto('sync_cursors')
    .values({
      shop_code: shopCode,
      kind: 'orders',
      cursor_value: cursor.value,
      first_sync_at: cursor.firstSyncAt,
    })
    .onConflict((c) =>
      c
        .columns(['shop_code', 'kind'])
        .doUpdateSet({ cursor_value: cursor.value, updated_at: new Date() })
        .where((eb) =>
          eb.or([
            eb('sync_cursors.cursor_value', 'is', null),
            eb(
              eb.cast('sync_cursors.cursor_value', 'timestamptz'),
              '<=',
              eb.cast(eb.val(cursor.value), 'timestamptz'),
            ),
          ]),
        ),
    )
    .execute();
}

/**
 * Where the next run starts after a committed page (pure). Orders are sorted by updatedAt and
 * the query asks for `updated_at:>cursor`, so when more pages follow, orders sharing the page's
 * last instant may continue on the next page: the cursor stops just before that instant and a
 * resumed run fetches them again (staging is idempotent). The last page moves it to the end.
 */
export function cursorAfterPage(
  current: string | null,
  updatedAts: readonly string[],
  hasNextPage: boolean,
): string | null {
  const last = updatedAts.at(-1);
  if (last === undefined) return current;
  if (!hasNextPage) return later(current, last);
  const lastMs = Date.parse(last);
  const before = updatedAts.filter((at) => Date.parse(at) < lastMs).at(-1);
  return before === undefined ? current : later(current, before);
}

/** The later of two instants (a bulk export is not sorted: its cursor is the newest order seen). */
export function later(a: string | null, b: string): string {
  return a !== null && Date.parse(a) >= Date.parse(b) ? a : b;
}
