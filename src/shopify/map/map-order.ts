import type { Address, Order, OrderTotals } from '../../domain/order.ts';
import { ValidationError } from '../../shared/errors.ts';
import { legacyId } from '../ids.ts';
import type { AddressNode, OrderNode } from '../payload.ts';
import { mapFulfillment, mapFulfillmentOrder } from './map-fulfilment.ts';
import { mapLine, mapShippingLine } from './map-lines.ts';
import { mapRefund, mapReturn } from './map-refunds.ts';
import { mapTransaction, paymentReference } from './map-transactions.ts';
import { allNodes, bag, required, type Currencies } from './money.ts';
import { channelName, financialStatus, fulfillmentStatus, riskLevel } from './statuses.ts';

/**
 * Shopify's order node (graphql/fragments/OrderFields.graphql, completed) as our `Order`.
 * Pure: no clock, no I/O. A payload that is not an order, or was not completed, is refused with
 * the field named rather than mapped into a partial order.
 */
export function mapOrder(payload: unknown): Order {
  const node = asOrderNode(payload);
  const currencies: Currencies = { shop: node.currencyCode, presentment: node.presentmentCurrencyCode };
  const transactions = required(node.transactions, 'transactions').map((t, i) =>
    mapTransaction(t, `transactions[${i}]`),
  );
  return {
    shopifyId: node.legacyResourceId,
    name: node.name,
    createdAt: node.createdAt,
    updatedAt: node.updatedAt,
    processedAt: node.processedAt,
    closedAt: node.closedAt,
    cancelledAt: node.cancelledAt,
    cancelReason: node.cancelReason?.toLowerCase() ?? null,
    test: node.test,
    sourceName: node.sourceName,
    channel: channelName(node.channelInformation?.app?.title, node.sourceName),
    tags: [...node.tags],
    customAttributes: node.customAttributes.map(({ key, value }) => ({ key, value })),
    note: node.note,
    email: node.email,
    phone: node.phone,
    customer: node.customer
      ? {
          shopifyId: node.customer.legacyResourceId,
          email: node.customer.email,
          phone: node.customer.phone,
          firstName: node.customer.firstName,
          lastName: node.customer.lastName,
        }
      : null,
    company: mapCompany(node.purchasingEntity),
    billingAddress: mapAddress(node.billingAddress),
    shippingAddress: mapAddress(node.shippingAddress),
    shopCurrency: node.currencyCode,
    presentmentCurrency: node.presentmentCurrencyCode,
    taxesIncluded: node.taxesIncluded,
    financialStatus: financialStatus(node.displayFinancialStatus),
    fulfillmentStatus: fulfillmentStatus(node.displayFulfillmentStatus),
    riskLevel: riskLevel(node.risk),
    paymentReference: paymentReference(transactions),
    lines: allNodes(node.lineItems, 'lineItems').map(mapLine),
    shippingLines: allNodes(node.shippingLines, 'shippingLines').map(mapShippingLine),
    transactions,
    fulfillmentOrders: allNodes(node.fulfillmentOrders, 'fulfillmentOrders').map(mapFulfillmentOrder),
    fulfillments: required(node.fulfillments, 'fulfillments').map(mapFulfillment),
    refunds: required(node.refunds, 'refunds').map(mapRefund),
    returns: allNodes(node.returns, 'returns').map(mapReturn),
    totals: mapTotals(node, currencies),
  };
}

function mapTotals(node: OrderNode, currencies: Currencies): OrderTotals {
  return {
    subtotal: bag(node.subtotalPriceSet, 'subtotalPriceSet', currencies),
    totalDiscounts: bag(node.totalDiscountsSet, 'totalDiscountsSet', currencies),
    totalShipping: bag(node.totalShippingPriceSet, 'totalShippingPriceSet'),
    totalTax: bag(node.totalTaxSet, 'totalTaxSet', currencies),
    totalTip: bag(node.totalTipReceivedSet, 'totalTipReceivedSet'),
    totalPrice: bag(node.totalPriceSet, 'totalPriceSet'),
    currentTotalPrice: bag(node.currentTotalPriceSet, 'currentTotalPriceSet'),
    totalReceived: bag(node.totalReceivedSet, 'totalReceivedSet'),
    totalRefunded: bag(node.totalRefundedSet, 'totalRefundedSet'),
    netPayment: bag(node.netPaymentSet, 'netPaymentSet'),
    totalOutstanding: bag(node.totalOutstandingSet, 'totalOutstandingSet'),
  };
}

function mapCompany(entity: OrderNode['purchasingEntity']): Order['company'] {
  if (!entity?.company) return null;
  return {
    shopifyId: legacyId(entity.company.id),
    name: entity.company.name,
    locationShopifyId: entity.location ? legacyId(entity.location.id) : '',
  };
}

function mapAddress(node: AddressNode | null): Address | null {
  if (!node) return null;
  return {
    name: node.name,
    company: node.company,
    address1: node.address1,
    address2: node.address2,
    city: node.city,
    province: node.province,
    zip: node.zip,
    countryCode: node.countryCodeV2,
    phone: node.phone,
  };
}

function asOrderNode(payload: unknown): OrderNode {
  const node = payload as Partial<OrderNode> | null;
  if (typeof node !== 'object' || node === null || typeof node.legacyResourceId !== 'string') {
    throw new ValidationError('order: the payload is not a Shopify order node', [
      { path: 'order', message: 'not a Shopify order node' },
    ]);
  }
  for (const field of ['currencyCode', 'presentmentCurrencyCode', 'updatedAt', 'name'] as const) {
    required(node[field], field);
  }
  return node as OrderNode;
}
