import {
  defaultSettleAfterMs,
  getOrder,
  markAsPaid,
  settleTransaction,
  type ShopState,
} from '../domain/index.ts';
import { closeIfOpen, exchangeUnit, type ExchangeKind } from './exchange-actions.ts';
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
import type { SimulatedShop } from './shop-setup.ts';

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
export interface PlanContext {
  shop: SimulatedShop;
  /** shop.pendingRefundSettleAfterMs in hours: when a pending refund's gateway answers. */
  settleAfterHours: number;
}

export function planContext(state: ShopState, shop: SimulatedShop): PlanContext {
  const settleAfterMs = state.data.shop.pendingRefundSettleAfterMs ?? defaultSettleAfterMs;
  return { shop, settleAfterHours: settleAfterMs / 3_600_000 };
}

export function planCase(
  orderCase: OrderCase,
  order: { id: number },
  addVariantId: number,
  context: PlanContext,
): PlannedStep[] {
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
      step(5 * day + context.settleAfterHours, 'pending refund settles', (s) => settlePending(s, order.id)),
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
    'exchange-cheaper': () => exchange('cheaper'),
    'exchange-pricier': () => exchange('pricier'),
    'edit-quantity-up': () => editThenShip('quantity-up'),
  };
  // Returned unit refunded against the return: a cheaper exchange gets the difference back, a
  // pricier one gets nothing and owes the difference, collected a day later; then the exchange
  // items ship and the return closes.
  const exchange = (kind: ExchangeKind) => [
    ship,
    step(7 * day, `exchange ${kind}`, (s) => void (returnId = exchangeUnit(s, context.shop, order.id, kind))),
    step(9 * day, 'returned unit refunded', (s) => refundReturn(s, order.id, returnId)),
    ...(kind === 'pricier'
      ? [step(10 * day, 'exchange balance paid', (s) => settleBalance(s, order.id))]
      : []),
    step(11 * day, 'ship exchange items', (s) => fulfil(s, order.id)),
    step(11 * day + 1, 'return closed', (s) => closeIfOpen(s, order.id, returnId)),
  ];
  const editThenShip = (kind: Parameters<typeof editOrder>[2]) => [
    step(1, `edit ${kind}`, (s) => editOrder(s, order.id, kind, addVariantId)),
    step(2, 'settle balance', (s) => settleBalance(s, order.id)),
    ship,
  ];
  return plans[orderCase]();
}

/** The gateway answers the order's pending refunds (the clock-driven settlement does the same). */
function settlePending(state: ShopState, orderId: number): void {
  const order = getOrder(state, orderId);
  for (const transaction of order.transactions) {
    if (transaction.kind === 'refund' && transaction.status === 'pending')
      settleTransaction(state, transaction.id, orderId);
  }
}
