import { addressFromRest } from '../catalog/address.ts';
import { getVariant } from '../catalog/products.ts';
import { NotFound, fail } from '../errors.ts';
import { formatMinor, parseDecimalToMinor } from '../money/decimal.ts';
import type { DraftOrder } from '../model/draft.ts';
import type { Order } from '../model/order.ts';
import { createOrder } from '../orders/create-order.ts';
import { markAsPaid } from '../orders/mark-as-paid.ts';
import type { RestAddressInput } from '../orders/order-input.ts';
import type { ShopState } from '../state.ts';

export interface DraftOrderInput {
  lineItems: {
    variantId?: number | null;
    title?: string;
    originalUnitPrice?: string | number;
    quantity: number;
    taxable?: boolean;
    requiresShipping?: boolean;
    sku?: string | null;
  }[];
  email?: string | null;
  customerId?: number | null;
  note?: string | null;
  tags?: string[];
  customAttributes?: { key: string; value: string }[];
  shippingAddress?: RestAddressInput | null;
  billingAddress?: RestAddressInput | null;
  shippingLine?: { title: string; price: string | number } | null;
  taxesIncluded?: boolean;
  taxExempt?: boolean;
  /** A payment terms template id (paymentTermsTemplates), or absent. */
  paymentTermsTemplateId?: number | null;
}

/** draftOrderCreate: variant lines take the variant's price; custom lines need title and price. */
export function draftOrderCreate(state: ShopState, input: DraftOrderInput): DraftOrder {
  const currency = state.data.shop.currencyCode;
  if (input.lineItems.length === 0) fail('Add at least 1 product', ['lineItems']);
  const termsId = input.paymentTermsTemplateId ?? null;
  if (termsId !== null && !paymentTermsTemplates.some((template) => template.id === termsId))
    fail('Payment terms template does not exist', ['paymentTerms', 'paymentTermsTemplateId']);
  const now = state.now();
  const draft: DraftOrder = {
    id: state.nextId(),
    name: `#D${state.data.draftOrders.length + 1}`,
    status: 'open',
    email: input.email ?? null,
    customerId: input.customerId ?? null,
    note: input.note ?? null,
    tags: input.tags ?? [],
    customAttributes: input.customAttributes ?? [],
    lineItems: input.lineItems.map((line, index) => {
      const variant = line.variantId ? getVariant(state, line.variantId) : null;
      if (!variant && (line.title === undefined || line.originalUnitPrice === undefined)) {
        fail('Custom line items need a title and a price', ['lineItems', String(index)]);
      }
      return {
        id: state.nextId(),
        variantId: line.variantId ?? null,
        title: line.title ?? variant!.product.title,
        sku: variant?.variant.sku ?? line.sku ?? null,
        quantity: line.quantity,
        price:
          line.originalUnitPrice !== undefined
            ? parseDecimalToMinor(line.originalUnitPrice, currency)
            : variant!.variant.price,
        taxable: line.taxable ?? variant?.variant.taxable ?? true,
        requiresShipping: line.requiresShipping ?? variant?.variant.requiresShipping ?? true,
      };
    }),
    shippingAddress: addressFromRest(input.shippingAddress),
    billingAddress: addressFromRest(input.billingAddress),
    shippingPrice: input.shippingLine ? parseDecimalToMinor(input.shippingLine.price, currency) : 0,
    shippingTitle: input.shippingLine?.title ?? null,
    taxesIncluded: input.taxesIncluded ?? false,
    taxExempt: input.taxExempt ?? false,
    paymentTermsTemplateId: termsId,
    orderId: null,
    createdAt: now,
    updatedAt: now,
    completedAt: null,
  };
  state.data.draftOrders.push(draft);
  return draft;
}

/**
 * draftOrderComplete: turns the draft into an order, paid (a manual sale) unless paymentPending;
 * a draft with payment terms is completed with payment pending (its order is paid later, by the
 * terms), as Shopify does from 2024-10 where the paymentPending argument is gone.
 */
export function draftOrderComplete(
  state: ShopState,
  draftId: number,
  options: { paymentPending?: boolean } = {},
): Order {
  const draft = state.data.draftOrders.find((candidate) => candidate.id === draftId);
  if (!draft) throw new NotFound('DraftOrder', draftId);
  if (draft.status === 'completed') fail('This order has already been paid', ['id']);
  const currency = state.data.shop.currencyCode;
  const order = createOrder(state, {
    line_items: draft.lineItems.map((line) => ({
      ...(line.variantId ? { variant_id: line.variantId } : { title: line.title, sku: line.sku }),
      price: formatMinor(line.price, currency),
      quantity: line.quantity,
      taxable: line.taxable,
      requires_shipping: line.requiresShipping,
    })),
    shipping_lines: draft.shippingTitle
      ? [{ title: draft.shippingTitle, price: formatMinor(draft.shippingPrice, currency) }]
      : [],
    email: draft.email,
    ...(draft.customerId ? { customer: { id: draft.customerId } } : {}),
    note: draft.note,
    tags: draft.tags,
    note_attributes: draft.customAttributes.map((attribute) => ({
      name: attribute.key,
      value: attribute.value,
    })),
    taxes_included: draft.taxesIncluded,
    tax_exempt: draft.taxExempt ?? false,
    financial_status: 'pending',
    source_name: 'shopify_draft_order',
    inventory_behaviour: 'decrement_obeying_policy',
  });
  order.shippingAddress = draft.shippingAddress;
  order.billingAddress = draft.billingAddress;
  const pending = options.paymentPending ?? (draft.paymentTermsTemplateId ?? null) !== null;
  if (!pending) markAsPaid(state, order.id);
  draft.status = 'completed';
  draft.orderId = order.id;
  draft.completedAt = state.now();
  draft.updatedAt = draft.completedAt;
  return order;
}

/**
 * Shopify's standard payment terms templates (the `paymentTermsTemplates` query of every shop):
 * due on receipt, on fulfillment, net 7 to 90 days, and a fixed date.
 */
export const paymentTermsTemplates: readonly {
  id: number;
  name: string;
  type: string;
  dueInDays: number | null;
}[] = [
  { id: 1, name: 'Due on receipt', type: 'RECEIPT', dueInDays: null },
  { id: 2, name: 'Net 7', type: 'NET', dueInDays: 7 },
  { id: 3, name: 'Net 15', type: 'NET', dueInDays: 15 },
  { id: 4, name: 'Net 30', type: 'NET', dueInDays: 30 },
  { id: 5, name: 'Net 45', type: 'NET', dueInDays: 45 },
  { id: 6, name: 'Net 60', type: 'NET', dueInDays: 60 },
  { id: 7, name: 'Fixed', type: 'FIXED', dueInDays: null },
  { id: 8, name: 'Net 90', type: 'NET', dueInDays: 90 },
  { id: 9, name: 'Due on fulfillment', type: 'FULFILLMENT', dueInDays: null },
];
