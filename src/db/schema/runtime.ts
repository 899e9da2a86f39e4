import type { ColumnType } from 'kysely';

/**
 * Shopify's throttle bucket per shop, shared by every worker (0010, src/shopify/shared-budget.ts):
 * as last reported less what was reserved since, at `observed_at` (the database clock).
 */
export interface ShopifyBudgetsTable {
  shop_domain: string;
  /** Null until Shopify has reported the bucket. */
  maximum_available: number | null;
  restore_rate: ColumnType<number, number | undefined, number>;
  available: ColumnType<number, number | undefined, number>;
  observed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  reported_available: number | null;
  reported_at: Date | null;
  /** Reservations waiting for Shopify's answer (0012). */
  in_flight: ColumnType<number, number | undefined, number>;
  in_flight_at: Date | null;
  /** Another reservation was made while one was in flight, since the count was last 0. */
  overlapped: ColumnType<boolean, boolean | undefined, boolean>;
}
