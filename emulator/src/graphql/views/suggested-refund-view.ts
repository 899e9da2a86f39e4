import {
  type CalculatedRefundLine,
  calculateRefund,
  isRefundableParent,
  lineItemQuantities,
  maximumRefundable,
  type Order,
  orderCurrencies,
  type RefundInput,
  type ShopState,
  sumBags,
} from '../../domain/index.ts';
import { orThrow } from '../domain-errors.ts';
import { refundLineItemsToDomain, type GqlRefundLineItemInput } from '../inputs/refund-input.ts';
import { locationView } from './catalog-view.ts';
import { moneyBag } from './money.ts';
import { lineItemView } from './order-lines-view.ts';
import { formattedGateway, transactionView } from './transaction-view.ts';

/** Arguments of `Order.suggestedRefund`. */
export interface SuggestedRefundArgs {
  shippingAmount?: string | null;
  refundShipping?: boolean | null;
  refundLineItems?: GqlRefundLineItemInput[] | null;
  refundDuties?: { dutyId: string; refundType?: 'FULL' | 'PROPORTIONAL' | null }[] | null;
  suggestFullRefund?: boolean | null;
}

/** suggestFullRefund: every refundable unit and all remaining shipping (SuggestedRefund doc). */
function toRefundInput(order: Order, args: SuggestedRefundArgs): RefundInput {
  const lines = args.suggestFullRefund
    ? order.lineItems
        .map((line) => ({
          lineItemId: line.id,
          quantity: lineItemQuantities(order, line).refundableQuantity,
        }))
        .filter((line) => line.quantity > 0)
    : refundLineItemsToDomain(args.refundLineItems);
  const fullShipping = Boolean(args.refundShipping || args.suggestFullRefund);
  return {
    refundLineItems: lines,
    ...(fullShipping || args.shippingAmount
      ? {
          shipping: { fullRefund: fullShipping, amount: fullShipping ? null : (args.shippingAmount ?? null) },
        }
      : {}),
  };
}

export function suggestedRefundView(state: ShopState, order: Order, args: SuggestedRefundArgs) {
  const calculation = orThrow(() => calculateRefund(state, order.id, toRefundInput(order, args)));
  if (!calculation) return null;
  const currencies = orderCurrencies(order);
  const parents = order.transactions.filter((t) => isRefundableParent(t));
  return {
    amountSet: moneyBag(calculation.total, currencies),
    maximumRefundableSet: moneyBag(
      sumBags(parents, (t) => maximumRefundable(order, t)),
      currencies,
    ),
    subtotalSet: moneyBag(
      sumBags(calculation.lines, (l) => l.discountedTotalPrice),
      currencies,
    ),
    discountedSubtotalSet: moneyBag(calculation.subtotal, currencies),
    totalTaxSet: moneyBag(calculation.totalTax, currencies),
    totalCartDiscountAmountSet: moneyBag(
      sumBags(calculation.lines, (l) => l.totalCartDiscount),
      currencies,
    ),
    totalDutiesSet: moneyBag(calculation.totalDuties, currencies),
    refundLineItems: calculation.lines.map((line) => calculatedLineView(state, order, line)),
    shipping: {
      amountSet: moneyBag(calculation.shipping.amount, currencies),
      maximumRefundableSet: moneyBag(calculation.shipping.maximumRefundable, currencies),
      taxSet: moneyBag(calculation.shipping.tax, currencies),
    },
    suggestedTransactions: calculation.suggestedTransactions.map((suggested) => {
      const parent = order.transactions.find((t) => t.id === suggested.parentId);
      return {
        kind: 'SUGGESTED_REFUND',
        gateway: suggested.gateway,
        formattedGateway: formattedGateway(suggested.gateway),
        accountNumber: parent?.creditCard?.number ?? null,
        amountSet: moneyBag(suggested.amount, currencies),
        maximumRefundableSet: moneyBag(suggested.maximumRefundable, currencies),
        parentTransaction: parent ? transactionView(state, order, parent) : null,
      };
    }),
  };
}

/** A RefundLineItem not yet saved: Shopify gives it no id. */
function calculatedLineView(state: ShopState, order: Order, line: CalculatedRefundLine) {
  const currencies = orderCurrencies(order);
  const item = order.lineItems.find((l) => l.id === line.lineItemId);
  const location = state.data.locations.find((l) => l.id === line.locationId);
  return {
    id: null,
    lineItem: item ? lineItemView(state, order, item) : null,
    location: location ? locationView(state, location) : null,
    quantity: line.quantity,
    restockType: line.restockType.toUpperCase(),
    restocked: line.restockType !== 'no_restock',
    priceSet: moneyBag(line.price, currencies),
    subtotalSet: moneyBag(line.subtotal, currencies),
    totalTaxSet: moneyBag(line.totalTax, currencies),
  };
}
