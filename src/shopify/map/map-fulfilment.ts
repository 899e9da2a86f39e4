import type { Fulfillment, FulfillmentOrder } from '../../domain/order.ts';
import { legacyId } from '../ids.ts';
import type { FulfillmentNode, FulfillmentOrderNode, LineRefNode } from '../payload.ts';
import { allNodes, required } from './money.ts';

export function mapFulfillmentOrder(node: FulfillmentOrderNode, index: number): FulfillmentOrder {
  const field = `fulfillmentOrders[${index}]`;
  return {
    shopifyId: legacyId(node.id),
    status: node.status.toLowerCase(),
    locationShopifyId: node.assignedLocation?.location?.legacyResourceId ?? null,
    lines: allNodes(node.lineItems, `${field}.lineItems`).map((line, i) => ({
      lineShopifyId: lineOf(line, `${field}.lineItems[${i}]`),
      remainingQuantity: line.remainingQuantity,
    })),
  };
}

export function mapFulfillment(node: FulfillmentNode, index: number): Fulfillment {
  const field = `fulfillments[${index}]`;
  const tracking = node.trackingInfo[0];
  return {
    shopifyId: legacyId(node.id),
    status: node.status.toLowerCase(),
    createdAt: node.createdAt,
    locationShopifyId: node.location?.legacyResourceId ?? null,
    trackingCompany: tracking?.company ?? null,
    trackingNumber: tracking?.number ?? null,
    trackingUrl: tracking?.url ?? null,
    lines: allNodes(node.fulfillmentLineItems, `${field}.fulfillmentLineItems`).map((line, i) => ({
      lineShopifyId: lineOf(line, `${field}.fulfillmentLineItems[${i}]`),
      quantity: line.quantity,
    })),
  };
}

export function lineOf(node: LineRefNode | null | undefined, field: string): string {
  return legacyId(required(node?.lineItem, `${field}.lineItem`).id);
}
