import { sql } from 'kysely';
import { listShops } from '../shops/index.ts';
import { ValidationError } from '../shared/errors.ts';
import type { SyncDeps } from './ports.ts';
import { iso } from './staging-repository.ts';

export interface DayActivity {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** Orders placed that day in Shopify (their createdAt) that are in the mirror. */
  orders: number;
  /** Refunds made that day in Shopify (their createdAt) that were imported. */
  refunds: number;
}

export interface ShopSyncState {
  code: string;
  /** When storebridge last brought something of the shop in: a page staged or an order imported. */
  lastSyncAt: string | null;
  /** Seconds from lastSyncAt to now; null before the first sync. */
  syncLagSeconds: number | null;
  /** Staged orders not imported yet (with or without an error). */
  ordersWaiting: number;
}

/** The most days the dashboard charts (Default asked for: 14). */
export const maxActivityDays = 366;

/**
 * The dashboard's sync figures (issue 9 item 8): orders and refunds per UTC day over the last
 * `days` days (today included, days without any too), and each shop's last sync.
 */
export async function syncActivity(
  deps: SyncDeps,
  options: { days: number },
): Promise<{ days: DayActivity[]; shops: ShopSyncState[] }> {
  if (!Number.isInteger(options.days) || options.days < 1 || options.days > maxActivityDays)
    throw new ValidationError(`days: must be a whole number from 1 to ${maxActivityDays}`, [
      { path: 'days', message: `must be a whole number from 1 to ${maxActivityDays}` },
    ]);
  const now = deps.now?.() ?? new Date();
  const days = dayList(now, options.days);
  const from = `${days[0]!.day}T00:00:00Z`;
  const orders = await sql<{ day: string; count: string | number }>`
    select to_char((order_data->>'createdAt')::timestamptz at time zone 'UTC', 'YYYY-MM-DD') as day,
           count(*) as count
    from shopify_orders
    where (order_data->>'createdAt')::timestamptz >= ${from}::timestamptz
    group by 1`.execute(deps.db);
  const refunds = await sql<{ day: string; count: string | number }>`
    select to_char(created_at_shopify at time zone 'UTC', 'YYYY-MM-DD') as day, count(*) as count
    from order_refunds
    where created_at_shopify >= ${from}::timestamptz
    group by 1`.execute(deps.db);
  const byDay = new Map(days.map((d) => [d.day, d]));
  for (const row of orders.rows) if (byDay.has(row.day)) byDay.get(row.day)!.orders = Number(row.count);
  for (const row of refunds.rows) if (byDay.has(row.day)) byDay.get(row.day)!.refunds = Number(row.count);
  return { days, shops: await shopStates(deps, now) };
}

function dayList(now: Date, count: number): DayActivity[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: count }, (_, index) => ({
    day: new Date(today - (count - 1 - index) * 86_400_000).toISOString().slice(0, 10),
    orders: 0,
    refunds: 0,
  }));
}

async function shopStates(deps: SyncDeps, now: Date): Promise<ShopSyncState[]> {
  const shops = await listShops(deps);
  const cursors = await deps.db.selectFrom('sync_cursors').select(['shop_code', 'updated_at']).execute();
  const imported = await deps.db
    .selectFrom('shopify_orders')
    .select(['shop_code', (eb) => eb.fn.max('updated_at').as('last')])
    .groupBy('shop_code')
    .execute();
  const waiting = await deps.db
    .selectFrom('orders_to_import')
    .select(['shop_code', (eb) => eb.fn.countAll().as('count')])
    .groupBy('shop_code')
    .execute();
  return shops.map(({ code }) => {
    const times = [
      ...cursors.filter((c) => c.shop_code === code).map((c) => iso(c.updated_at)),
      ...imported.filter((i) => i.shop_code === code && i.last !== null).map((i) => iso(i.last as Date)),
    ].sort();
    const lastSyncAt = times.at(-1) ?? null;
    return {
      code,
      lastSyncAt,
      syncLagSeconds:
        lastSyncAt === null ? null : Math.max(0, Math.round((now.getTime() - Date.parse(lastSyncAt)) / 1000)),
      ordersWaiting: Number(waiting.find((w) => w.shop_code === code)?.count ?? 0),
    };
  });
}
