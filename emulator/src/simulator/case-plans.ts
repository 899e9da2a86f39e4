import { markAsPaid, type ShopState } from '../domain/index.ts';
import type { OrderCase } from './mix.ts';
import { capture, fulfil, refund, refundAmount, settleBalance } from './order-actions.ts';
import {
  approve,
  askForReturn,
  cancel,
  close,
  decline,
  editOrder,
  refundReturn,
} from './return-edit-cancel.ts';

/** One later action on an order, `hours` after it was placed. */
export interface PlannedStep {
  hours: number;
  label: string;
  run: (state: ShopState) => void;
}

const day = 24;

/**
 * What happens to an order of each case after checkout; times are hours after the order. The
 * order's id is read when a step runs (the plan is made before the order exists).
 */
export function planCase(orderCase: OrderCase, order: { id: number }, addVariantId: number): PlannedStep[] {
  const step = (hours: number, label: string, run: (state: ShopState) => void): PlannedStep => ({
    hours,
    label,
    run,
  });
  const ship = step(day, 'fulfil', (s) => fulfil(s, order.id));
  let returnId: number | null = null;
  const plans: Record<OrderCase, () => PlannedStep[]> = {
    plain: () => [ship],
    'partial-fulfillment': () => [
      step(day, 'fulfil part', (s) => fulfil(s, order.id, 1)),
      step(3 * day, 'fulfil rest', (s) => fulfil(s, order.id)),
    ],
    'authorize-capture': () => [step(20, 'capture', (s) => capture(s, order.id)), ship],
    'b2b-pay-later': () => [ship, step(30 * day, 'paid on terms', (s) => void markAsPaid(s, order.id))],
    'refund-quantity-only': () => [
      step(2, 'refund quantity only', (s) => refund(s, order.id, { restockType: 'cancel', money: 'none' })),
      ship,
    ],
    'refund-amount-only': () => [
      ship,
      step(4 * day, 'goodwill refund', (s) => refundAmount(s, order.id, 500)),
    ],
    'refund-return-restock': () => [
      ship,
      step(5 * day, 'refund returned unit', (s) =>
        refund(s, order.id, { restockType: 'return', money: 'suggested' }),
      ),
    ],
    'refund-no-restock': () => [
      ship,
      step(4 * day, 'refund damaged unit', (s) =>
        refund(s, order.id, { restockType: 'no_restock', money: 'suggested' }),
      ),
    ],
    'refund-cancel-restock': () => [
      step(3, 'refund unshipped unit', (s) =>
        refund(s, order.id, { restockType: 'cancel', money: 'suggested' }),
      ),
      ship,
    ],
    'refund-shipping-only': () => [
      ship,
      step(2 * day, 'refund shipping', (s) =>
        refund(s, order.id, { units: 0, shipping: true, money: 'suggested' }),
      ),
    ],
    'refund-discrepancy': () => [
      ship,
      step(5 * day, 'refund short', (s) => refund(s, order.id, { restockType: 'return', money: 'short' })),
    ],
    'refund-pending': () => [
      ship,
      step(5 * day, 'pending refund', (s) =>
        refund(s, order.id, { restockType: 'return', money: 'suggested', pending: true }),
      ),
    ],
    'return-with-refund': () => [
      ship,
      step(7 * day, 'return requested', (s) => void (returnId = askForReturn(s, order.id))),
      step(7 * day + 6, 'return approved', (s) => approve(s, returnId)),
      step(10 * day, 'return refunded', (s) => refundReturn(s, order.id, returnId)),
      step(10 * day + 1, 'return closed', (s) => close(s, returnId)),
    ],
    'return-without-refund': () => [
      ship,
      step(7 * day, 'return requested', (s) => void (returnId = askForReturn(s, order.id))),
      step(7 * day + 6, 'return approved', (s) => approve(s, returnId)),
      step(11 * day, 'return closed', (s) => close(s, returnId)),
    ],
    'return-declined': () => [
      ship,
      step(35 * day, 'return requested', (s) => void (returnId = askForReturn(s, order.id))),
      step(35 * day + 4, 'return declined', (s) => decline(s, returnId)),
    ],
    'edit-quantity-down': () => editThenShip('quantity-down'),
    'edit-item-removed': () => editThenShip('item-removed'),
    'edit-item-added': () => editThenShip('item-added'),
    'cancel-paid': () => [step(2, 'cancel paid order', (s) => cancel(s, order.id, true))],
    'cancel-unpaid': () => [step(2 * day, 'cancel unpaid order', (s) => cancel(s, order.id, false))],
    // Skipped cases (mix.ts skippedCases) live as plain orders.
    'exchange-cheaper': () => [ship],
    'exchange-pricier': () => [ship],
    'edit-quantity-up': () => [ship],
  };
  const editThenShip = (kind: Parameters<typeof editOrder>[2]) => [
    step(1, `edit ${kind}`, (s) => editOrder(s, order.id, kind, addVariantId)),
    step(2, 'settle balance', (s) => settleBalance(s, order.id)),
    ship,
  ];
  return plans[orderCase]();
}
