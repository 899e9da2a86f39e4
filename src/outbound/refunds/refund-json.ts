import { formatMoney, type Money } from '../../money/index.ts';
import type { RefundPreview } from './refund-plan.ts';

/** A preview as JSON: money as decimal strings in `currency` (like the documents JSON). */
export function previewJson(preview: RefundPreview) {
  const m = (value: Money) => formatMoney(value);
  return {
    shopifyOrderId: preview.shopifyOrderId,
    money: preview.money,
    currency: preview.currency,
    subtotal: m(preview.subtotal),
    discounts: m(preview.discounts),
    tax: m(preview.tax),
    shipping: m(preview.shipping),
    shippingRefundable: m(preview.shippingRefundable),
    calculatedTotal: m(preview.calculatedTotal),
    total: m(preview.total),
    shopCurrency: preview.shopTotal.currency,
    shopTotal: m(preview.shopTotal),
    maximumRefundable: m(preview.maximumRefundable),
    payments: preview.payments.map((payment) => ({
      gateway: payment.gateway,
      parentShopifyId: payment.parentShopifyId,
      amount: m(payment.amount),
      maximumRefundable: m(payment.maximumRefundable),
    })),
    lines: preview.lines.map((line) => ({
      lineShopifyId: line.lineShopifyId,
      sku: line.sku,
      title: line.title,
      quantity: line.quantity,
      restock: line.restock,
      locationShopifyId: line.locationShopifyId,
      price: m(line.price),
      subtotal: m(line.subtotal),
      tax: m(line.tax),
    })),
  };
}

export type RefundPreviewJson = ReturnType<typeof previewJson>;
