import { draftOrderCreate as createDraft, type DraftOrderInput, type ShopState } from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { numericId } from '../gid.ts';
import { addressToDomain, type GqlAddressInput } from '../inputs/address-input.ts';
import { draftOrderView } from '../views/draft-order-view.ts';

interface GqlDraftOrderInput {
  lineItems?:
    | {
        variantId?: string | null;
        title?: string | null;
        quantity: number;
        originalUnitPriceWithCurrency?: { amount: string } | null;
        taxable?: boolean | null;
        requiresShipping?: boolean | null;
        sku?: string | null;
      }[]
    | null;
  email?: string | null;
  note?: string | null;
  tags?: string[] | null;
  customAttributes?: { key: string; value: string }[] | null;
  shippingAddress?: GqlAddressInput | null;
  billingAddress?: GqlAddressInput | null;
  shippingLine?: { title?: string | null; priceWithCurrency?: { amount: string } | null } | null;
  purchasingEntity?: { customerId?: string | null } | null;
  taxExempt?: boolean | null;
  paymentTerms?: { paymentTermsTemplateId?: string | null } | null;
}

function toDomain(input: GqlDraftOrderInput): DraftOrderInput {
  const customerId = input.purchasingEntity?.customerId;
  return {
    lineItems: (input.lineItems ?? []).map((line) => ({
      variantId: line.variantId ? (numericId(line.variantId, 'ProductVariant') ?? -1) : null,
      ...(line.title ? { title: line.title } : {}),
      ...(line.originalUnitPriceWithCurrency
        ? { originalUnitPrice: line.originalUnitPriceWithCurrency.amount }
        : {}),
      quantity: line.quantity,
      ...(line.taxable != null ? { taxable: line.taxable } : {}),
      ...(line.requiresShipping != null ? { requiresShipping: line.requiresShipping } : {}),
      ...(line.sku ? { sku: line.sku } : {}),
    })),
    taxExempt: input.taxExempt ?? false,
    paymentTermsTemplateId: input.paymentTerms?.paymentTermsTemplateId
      ? (numericId(input.paymentTerms.paymentTermsTemplateId, 'PaymentTermsTemplate') ?? -1)
      : null,
    email: input.email ?? null,
    customerId: customerId ? (numericId(customerId, 'Customer') ?? -1) : null,
    note: input.note ?? null,
    tags: input.tags ?? [],
    customAttributes: input.customAttributes ?? [],
    shippingAddress: addressToDomain(input.shippingAddress),
    billingAddress: addressToDomain(input.billingAddress),
    shippingLine: input.shippingLine?.priceWithCurrency
      ? { title: input.shippingLine.title ?? 'Shipping', price: input.shippingLine.priceWithCurrency.amount }
      : null,
  };
}

/** draftOrderCreate: the invoice-export path of outbound/ writes its documents as draft orders. */
export function draftOrderCreate(state: ShopState, args: { input: GqlDraftOrderInput }) {
  const result = attempt(() => createDraft(state, toDomain(args.input)));
  return result.ok
    ? { draftOrder: draftOrderView(state, result.value), userErrors: [] }
    : { draftOrder: null, userErrors: result.userErrors };
}
