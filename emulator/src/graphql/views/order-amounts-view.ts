import {
  addBags,
  type Bag,
  financialStatus,
  lineItemQuantities,
  type Order,
  orderCurrencies,
  type OrderTotals,
  sumBags,
  type TaxLine,
  unitsSlice,
} from '../../domain/index.ts';
import { moneyBag } from './money.ts';
import { taxLineView } from './order-lines-view.ts';

/**
 * The Order's MoneyBag fields, each computed from the domain's totals when asked for (the `set`
 * closures are anonymous and the rest methods: tsx wraps named arrows, see lineItemView).
 */
export function orderAmounts(order: Order, totals: () => OrderTotals) {
  const currencies = orderCurrencies(order);
  const set = (pick: (t: OrderTotals) => Bag) => () => moneyBag(pick(totals()), currencies);
  return {
    subtotalPriceSet: set((t) => t.subtotal),
    totalPriceSet: set((t) => t.totalPrice),
    totalTaxSet: set((t) => t.totalTax),
    totalDiscountsSet: set((t) => t.totalDiscounts),
    totalShippingPriceSet: set((t) => t.totalShipping),
    cartDiscountAmountSet() {
      return moneyBag(cartDiscount(order), currencies);
    },
    originalTotalPriceSet: set((t) => t.originalTotalPrice),
    currentSubtotalPriceSet: set((t) => t.currentSubtotal),
    currentTotalPriceSet: set((t) => t.currentTotalPrice),
    currentTotalTaxSet: set((t) => t.currentTotalTax),
    currentTotalDiscountsSet: set((t) => t.currentTotalDiscounts),
    currentShippingPriceSet: set((t) => t.currentShipping),
    currentCartDiscountAmountSet() {
      return moneyBag(currentCartDiscount(order), currencies);
    },
    totalReceivedSet: set((t) => t.totalReceived),
    totalRefundedSet: set((t) => t.totalRefunded),
    totalRefundedShippingSet: set((t) => t.totalRefundedShipping),
    netPaymentSet: set((t) => t.netPayment),
    totalOutstandingSet: set((t) => t.totalOutstanding),
    totalCapturableSet: set((t) => t.totalCapturable),
    totalTipReceivedSet: set((t) => t.totalTip),
    refundDiscrepancySet() {
      return moneyBag(refundDiscrepancy(order), currencies);
    },
    refundable() {
      return totals().refundable;
    },
    fullyPaid() {
      return totals().totalOutstanding.presentment <= 0 && totals().totalReceived.presentment > 0;
    },
    unpaid() {
      return ['pending', 'authorized', 'voided'].includes(financialStatus(order, totals));
    },
    canMarkAsPaid() {
      return (
        order.cancelledAt === null &&
        ['pending', 'partially_paid', 'authorized'].includes(financialStatus(order, totals)) &&
        totals().totalOutstanding.presentment > 0
      );
    },
    capturable() {
      return totals().totalCapturable.presentment > 0;
    },
    taxLines() {
      return groupTaxLines(order, false).map((t) => taxLineView(t, currencies));
    },
    currentTaxLines() {
      return groupTaxLines(order, true).map((t) => taxLineView(t, currencies));
    },
  };
}

/** Cart-level discounts: allocations of applications that target all line items. */
function cartDiscount(order: Order): Bag {
  return sumBags(order.lineItems, (line) =>
    sumBags(cartAllocations(order, line.discountAllocations), (a) => a.amount),
  );
}

function currentCartDiscount(order: Order): Bag {
  return sumBags(order.lineItems, (line) => {
    const amount = sumBags(cartAllocations(order, line.discountAllocations), (a) => a.amount);
    return unitsSlice(amount, line.quantity, 0, lineItemQuantities(order, line).currentQuantity);
  });
}

function cartAllocations<T extends { discountApplicationIndex: number }>(
  order: Order,
  allocations: readonly T[],
) {
  return allocations.filter((a) => {
    const application = order.discountApplications[a.discountApplicationIndex];
    return application?.targetType === 'line_item' && application.targetSelection === 'all';
  });
}

function refundDiscrepancy(order: Order): Bag {
  const adjustments = order.refunds.flatMap((r) =>
    r.orderAdjustments.filter((a) => a.kind === 'refund_discrepancy'),
  );
  return sumBags(adjustments, (a) => a.amount);
}

/**
 * Order.taxLines sums the line and shipping tax lines by title and rate; currentTaxLines keeps
 * only the share of the units still on the order.
 */
function groupTaxLines(order: Order, current: boolean): TaxLine[] {
  const groups = new Map<string, TaxLine>();
  const add = (taxLine: TaxLine, price: Bag) => {
    const key = `${taxLine.title}|${taxLine.rate}`;
    const existing = groups.get(key);
    groups.set(key, { ...taxLine, price: existing ? addBags(existing.price, price) : price });
  };
  for (const line of order.lineItems) {
    const kept = current ? lineItemQuantities(order, line).currentQuantity : line.quantity;
    for (const taxLine of line.taxLines) add(taxLine, unitsSlice(taxLine.price, line.quantity, 0, kept));
  }
  for (const shipping of order.shippingLines) {
    if (current && shipping.isRemoved) continue;
    for (const taxLine of shipping.taxLines) add(taxLine, taxLine.price);
  }
  return [...groups.values()];
}
