import type { Refund, Return } from '../../domain/order.ts';
import { legacyId } from '../ids.ts';
import type { RefundNode, ReturnNode } from '../payload.ts';
import { lineOf } from './map-fulfilment.ts';
import { mapTransaction } from './map-transactions.ts';
import { allNodes, bag, required } from './money.ts';
import { restockType } from './statuses.ts';

export function mapRefund(node: RefundNode, index: number): Refund {
  const field = `refunds[${index}]`;
  return {
    shopifyId: legacyId(node.id),
    createdAt: node.createdAt ?? node.updatedAt,
    updatedAt: node.updatedAt,
    note: node.note,
    lines: allNodes(node.refundLineItems, `${field}.refundLineItems`).map((line, i) => {
      const at = `${field}.refundLineItems[${i}]`;
      return {
        lineShopifyId: lineOf(line, at),
        quantity: line.quantity,
        restockType: restockType(line.restockType, `${at}.restockType`),
        restocked: line.restocked,
        locationShopifyId: line.location?.legacyResourceId ?? null,
        price: bag(line.priceSet, `${at}.priceSet`),
        subtotal: bag(line.subtotalSet, `${at}.subtotalSet`),
        totalTax: bag(line.totalTaxSet, `${at}.totalTaxSet`),
      };
    }),
    shippingLines: allNodes(node.refundShippingLines, `${field}.refundShippingLines`).map((line, i) => {
      const at = `${field}.refundShippingLines[${i}]`;
      return {
        shippingLineShopifyId: legacyId(required(line.shippingLine?.id, `${at}.shippingLine.id`)),
        subtotal: bag(line.subtotalAmountSet, `${at}.subtotalAmountSet`),
        tax: bag(line.taxAmountSet, `${at}.taxAmountSet`),
      };
    }),
    adjustments: allNodes(node.orderAdjustments, `${field}.orderAdjustments`).map((adjustment, i) => ({
      shopifyId: legacyId(adjustment.id),
      reason: adjustment.reason?.toLowerCase() ?? null,
      amount: bag(adjustment.amountSet, `${field}.orderAdjustments[${i}].amountSet`),
      taxAmount: bag(adjustment.taxAmountSet, `${field}.orderAdjustments[${i}].taxAmountSet`),
    })),
    // Refund.duties is not read: the shops storebridge serves do not collect duties yet.
    duties: [],
    transactions: allNodes(node.transactions, `${field}.transactions`).map((t, i) =>
      mapTransaction(t, `${field}.transactions[${i}]`),
    ),
    totalRefunded: bag(node.totalRefundedSet, `${field}.totalRefundedSet`),
    returnShopifyId: node.return ? legacyId(node.return.id) : null,
  };
}

export function mapReturn(node: ReturnNode, index: number): Return {
  const field = `returns[${index}]`;
  return {
    shopifyId: legacyId(node.id),
    name: node.name,
    status: node.status.toLowerCase(),
    lines: allNodes(node.returnLineItems, `${field}.returnLineItems`)
      // An unverified return line (2025-01 ReturnLineItemType) names no order line: nothing to map.
      .filter((line) => line.id !== undefined)
      .map((line, i) => {
        const at = `${field}.returnLineItems[${i}]`;
        return {
          shopifyId: legacyId(line.id!),
          lineShopifyId: lineOf(line.fulfillmentLineItem, `${at}.fulfillmentLineItem`),
          quantity: line.quantity ?? 0,
          refundedQuantity: line.refundedQuantity ?? 0,
          reasonNote: line.returnReasonNote || null,
        };
      }),
    exchangeLineShopifyIds: allNodes(node.exchangeLineItems, `${field}.exchangeLineItems`).flatMap((item) =>
      item.lineItem ? [legacyId(item.lineItem.id)] : [],
    ),
  };
}
