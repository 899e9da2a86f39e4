/** Domain imports shared by the REST serializers. */
export * from '../../domain/index.ts';
import { orderTotals, type Bag, type Order } from '../../domain/index.ts';

/** Shopify's total_unsettled_set: what authorizations still hold (598.94 - 250.94 = 348.0). */
export function remainingTotalUnsettled(order: Order): Bag {
  return orderTotals(order).totalCapturable;
}
