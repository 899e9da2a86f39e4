import type { MoneyBag, TaxLine } from '../../domain/order.ts';
import { parseMoney } from '../../money/index.ts';
import { ValidationError } from '../../shared/errors.ts';
import type { ConnectionNode, MoneyBagNode, TaxLineNode } from '../payload.ts';

/**
 * Shopify's decimal strings become integer minor units here and nowhere else (DESIGN.md "Money").
 * `field` names where the amount sat, so that a bad payload is reported precisely.
 */
export function bag(node: MoneyBagNode | null | undefined, field: string, currencies?: Currencies): MoneyBag {
  if (!node) {
    if (!currencies)
      throw new ValidationError(`${field}: missing amount`, [{ path: field, message: 'missing' }]);
    // Shopify answers null for some totals of an order that has none (no tax, no discount).
    return {
      shop: parseMoney('0', currencies.shop, field),
      presentment: parseMoney('0', currencies.presentment, field),
    };
  }
  return {
    shop: parseMoney(node.shopMoney.amount, node.shopMoney.currencyCode, `${field}.shopMoney`),
    presentment: parseMoney(
      node.presentmentMoney.amount,
      node.presentmentMoney.currencyCode,
      `${field}.presentmentMoney`,
    ),
  };
}

export interface Currencies {
  shop: string;
  presentment: string;
}

export function taxLines(nodes: readonly TaxLineNode[], field: string): TaxLine[] {
  return nodes.map((tax, index) => ({
    title: tax.title,
    rate: tax.rate === null ? null : String(tax.rate),
    amount: bag(tax.priceSet, `${field}.taxLines[${index}].priceSet`),
  }));
}

/**
 * The nodes of a connection that must be complete: a missing connection or one with more pages
 * means the payload was not completed (src/shopify/complete-order.ts), and mapping it would
 * silently drop lines.
 */
export function allNodes<T>(connection: ConnectionNode<T> | undefined, field: string): T[] {
  if (!connection || connection.pageInfo.hasNextPage) {
    const message = connection ? 'has more pages than the payload holds' : 'is missing from the payload';
    throw new ValidationError(`${field}: ${message}`, [{ path: field, message }]);
  }
  return connection.nodes;
}

export function required<T>(value: T | null | undefined, field: string): T {
  if (value === null || value === undefined) {
    throw new ValidationError(`${field}: missing`, [{ path: field, message: 'missing' }]);
  }
  return value;
}
