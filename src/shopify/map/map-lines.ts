import type { DiscountAllocation, OrderLine, ShippingLine } from '../../domain/order.ts';
import { legacyId } from '../ids.ts';
import type { DiscountAllocationNode, LineItemNode, ShippingLineNode } from '../payload.ts';
import { bag, taxLines } from './money.ts';

export function mapLine(node: LineItemNode, index: number): OrderLine {
  const field = `lineItems[${index}]`;
  return {
    shopifyId: legacyId(node.id),
    sku: node.sku || null,
    title: node.title,
    variantTitle: node.variantTitle,
    quantity: node.quantity,
    currentQuantity: node.currentQuantity,
    refundableQuantity: node.refundableQuantity,
    unfulfilledQuantity: node.unfulfilledQuantity,
    unitPrice: bag(node.originalUnitPriceSet, `${field}.originalUnitPriceSet`),
    discountAllocations: node.discountAllocations.map((allocation, i) =>
      mapDiscount(allocation, `${field}.discountAllocations[${i}]`),
    ),
    taxLines: taxLines(node.taxLines, field),
    taxable: node.taxable,
    requiresShipping: node.requiresShipping,
    isGiftCard: node.isGiftCard,
  };
}

/**
 * A cart discount (SAVE10 on the whole order) reaches each line as an allocation whose
 * application targets ALL lines; a line discount targets that line (EXPLICIT / ENTITLED).
 */
function mapDiscount(node: DiscountAllocationNode, field: string): DiscountAllocation {
  const application = node.discountApplication;
  const target =
    application?.targetType === 'SHIPPING_LINE'
      ? 'shipping'
      : application?.targetSelection === 'ALL'
        ? 'order'
        : 'line';
  return {
    amount: bag(node.allocatedAmountSet, `${field}.allocatedAmountSet`),
    title: application?.code ?? application?.title ?? null,
    target,
  };
}

export function mapShippingLine(node: ShippingLineNode, index: number): ShippingLine {
  const field = `shippingLines[${index}]`;
  return {
    shopifyId: node.id ? legacyId(node.id) : String(index),
    title: node.title,
    code: node.code,
    source: node.source,
    price: bag(node.originalPriceSet, `${field}.originalPriceSet`),
    discountedPrice: bag(node.discountedPriceSet, `${field}.discountedPriceSet`),
    taxLines: taxLines(node.taxLines, field),
    isRemoved: node.isRemoved,
  };
}
