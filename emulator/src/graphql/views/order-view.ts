import {
  displayFinancialStatus,
  displayFulfillmentStatus,
  lineItemQuantities,
  orderCurrencies,
  orderTotals,
  type Order,
  type OrderTotals,
  type ShopState,
} from '../../domain/index.ts';
import { byId, firstOf, paginate, type ConnectionArgs } from '../connection.ts';
import { gid } from '../gid.ts';
import { mailingAddressView } from './address-view.ts';
import { companyView, customerView } from './customer-view.ts';
import { discountApplicationView } from './discount-view.ts';
import { fulfillmentOrderView, fulfillmentView } from './fulfillment-view.ts';
import { orderAmounts } from './order-amounts-view.ts';
import { lineItemView, shippingLineView } from './order-lines-view.ts';
import { refundView } from './refund-view.ts';
import { returnView } from './return-view.ts';
import { suggestedRefundView, type SuggestedRefundArgs } from './suggested-refund-view.ts';
import { transactionView } from './transaction-view.ts';

/**
 * The Order object: plain fields, with lists and computed values resolved on demand (methods,
 * not arrow properties: see lineItemView).
 */
export function orderView(state: ShopState, order: Order): Record<string, unknown> {
  // One computation of the order's totals serves every amount and the financial status.
  let cached: OrderTotals | undefined;
  const totals = () => (cached ??= orderTotals(order));
  return { ...orderFacts(state, order, totals), ...orderAmounts(order, totals), ...orderLinks(state, order) };
}

function orderFacts(state: ShopState, order: Order, totals: () => OrderTotals) {
  const extra = order.extraAttributes;
  return {
    __typename: 'Order',
    id: gid('Order', order.id),
    legacyResourceId: String(order.id),
    name: order.name,
    email: order.email,
    phone: order.phone,
    poNumber: typeof extra.po_number === 'string' ? extra.po_number : null,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    processedAt: order.processedAt,
    closed: order.closedAt !== null,
    closedAt: order.closedAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason?.toUpperCase() ?? null,
    cancellation: order.cancelledAt ? { staffNote: order.cancellationStaffNote } : null,
    test: order.test,
    sourceName: order.sourceName,
    sourceIdentifier: typeof extra.source_identifier === 'string' ? extra.source_identifier : null,
    // Orders created through the Admin API belong to no sales channel.
    channelInformation: null,
    tags: order.tags,
    customAttributes: order.customAttributes,
    note: order.note,
    billingAddress: mailingAddressView(order.billingAddress, `${order.id}1`),
    shippingAddress: mailingAddressView(order.shippingAddress, `${order.id}2`),
    currencyCode: order.currency,
    presentmentCurrencyCode: order.presentmentCurrency,
    taxesIncluded: order.taxesIncluded,
    taxExempt: order.taxExempt,
    estimatedTaxes: false,
    edited:
      order.lineItems.some((l) => l.addedByEdit) || order.refunds.some((r) => r.origin === 'order_edit'),
    confirmed: true,
    fulfillable() {
      return (
        order.cancelledAt === null &&
        order.lineItems.some((l) => lineItemQuantities(order, l).fulfillableQuantity > 0)
      );
    },
    requiresShipping: order.lineItems.some((l) => l.requiresShipping),
    restockable() {
      return order.lineItems.some(
        (l) => l.inventoryItemId !== null && lineItemQuantities(order, l).refundableQuantity > 0,
      );
    },
    paymentGatewayNames: [...new Set(order.transactions.map((t) => t.gateway))],
    discountCodes: order.discountCodes.map((c) => c.code),
    displayFinancialStatus() {
      return displayFinancialStatus(order, totals);
    },
    displayFulfillmentStatus() {
      return displayFulfillmentStatus(order);
    },
    returnStatus() {
      return returnStatus(order);
    },
    risk: riskSummary(order),
    // Deprecated in 2025-01 in favour of risk.assessments, still served for older clients.
    riskLevel: order.riskLevel,
    subtotalLineItemsQuantity: order.lineItems
      .filter((l) => !l.addedByEdit)
      .reduce((s, l) => s + l.quantity, 0),
    currentSubtotalLineItemsQuantity() {
      return order.lineItems.reduce((s, l) => s + lineItemQuantities(order, l).currentQuantity, 0);
    },
    customer() {
      const customer = state.data.customers.find((c) => c.id === order.customerId);
      return customer ? customerView(state, customer) : null;
    },
  };
}

function orderLinks(state: ShopState, order: Order) {
  const shipping = order.shippingLines.filter((s) => !s.isRemoved);
  return {
    purchasingEntity() {
      const found = state.data.companies.find((c) => c.id === order.companyId);
      if (found) {
        // The order records the company only; like its webhook payload, the location is the
        // company's first (PurchasingCompany.location is non-null in the schema).
        const location = found.locations[0];
        return {
          __typename: 'PurchasingCompany',
          company: companyView(state, found),
          location: location ? { id: gid('CompanyLocation', location.id), name: location.name } : null,
        };
      }
      const customer = state.data.customers.find((c) => c.id === order.customerId);
      return customer ? customerView(state, customer) : null;
    },
    lineItems(args: ConnectionArgs) {
      return paginate(order.lineItems, args, byId, (l) => lineItemView(state, order, l));
    },
    shippingLine() {
      return shipping[0] ? shippingLineView(state, order, shipping[0]) : null;
    },
    shippingLines(args: ConnectionArgs & { includeRemovals?: boolean }) {
      return paginate(args.includeRemovals ? order.shippingLines : shipping, args, byId, (s) =>
        shippingLineView(state, order, s),
      );
    },
    discountApplications(args: ConnectionArgs) {
      return paginate(
        order.discountApplications.map((application, index) => ({ id: index, application })),
        args,
        byId,
        ({ application, id }) => discountApplicationView(application, id, orderCurrencies(order)),
      );
    },
    transactions(args: { first?: number; capturable?: boolean }) {
      return firstOf(
        order.transactions.filter(
          (t) => !args.capturable || (t.kind === 'authorization' && t.status === 'success'),
        ),
        args.first,
      ).map((t) => transactionView(state, order, t));
    },
    fulfillmentOrders(args: ConnectionArgs) {
      return paginate(order.fulfillmentOrders, args, byId, (f) => fulfillmentOrderView(state, order, f));
    },
    fulfillments(args: { first?: number }) {
      return firstOf(order.fulfillments, args.first).map((f) => fulfillmentView(state, order, f));
    },
    refunds(args: { first?: number }) {
      return firstOf(order.refunds, args.first).map((r) => refundView(state, order, r));
    },
    returns(args: ConnectionArgs) {
      return paginate(order.returns, args, byId, (r) => returnView(state, order, r));
    },
    suggestedRefund(args: SuggestedRefundArgs) {
      return suggestedRefundView(state, order, args);
    },
  };
}

/** OrderReturnStatus from the order's returns (Order.returnStatus doc). */
function returnStatus(order: Order): string {
  const statuses = order.returns.map((r) => r.status);
  if (statuses.length === 0) return 'NO_RETURN';
  if (statuses.includes('REQUESTED')) return 'RETURN_REQUESTED';
  if (statuses.includes('OPEN')) return 'IN_PROGRESS';
  if (statuses.includes('CLOSED')) return 'RETURNED';
  return 'NO_RETURN';
}

/** The 2025-01 risk summary: one assessment from Shopify's own fraud analysis. */
function riskSummary(order: Order) {
  const recommendation = { HIGH: 'CANCEL', MEDIUM: 'INVESTIGATE', LOW: 'ACCEPT' } as const;
  return {
    assessments: [{ riskLevel: order.riskLevel, facts: [] }],
    recommendation: recommendation[order.riskLevel],
  };
}
