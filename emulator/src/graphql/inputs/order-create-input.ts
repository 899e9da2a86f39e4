import type {
  RestDiscountCodeInput,
  RestLineItemInput,
  RestOrderInput,
  RestShippingLineInput,
  RestTaxLineInput,
  RestTransactionInput,
} from '../../domain/index.ts';
import { numericId } from '../gid.ts';
import { addressToDomain, type GqlAddressInput } from './address-input.ts';

interface MoneyInput {
  amount: string;
  currencyCode: string;
}
interface MoneyBagInput {
  shopMoney: MoneyInput;
  presentmentMoney?: MoneyInput | null;
}
interface TaxLineInput {
  title: string;
  rate: string;
  priceSet?: MoneyBagInput | null;
  channelLiable?: boolean | null;
}

/** The parts of GraphQL `OrderCreateOrderInput` the emulator models. */
export interface GqlOrderCreateInput {
  lineItems?:
    | {
        variantId?: string | null;
        productId?: string | null;
        title?: string | null;
        variantTitle?: string | null;
        sku?: string | null;
        vendor?: string | null;
        quantity: number;
        priceSet?: MoneyBagInput | null;
        taxable?: boolean | null;
        requiresShipping?: boolean | null;
        giftCard?: boolean | null;
        properties?: { name: string; value: string }[] | null;
        taxLines?: TaxLineInput[] | null;
      }[]
    | null;
  transactions?:
    | {
        amountSet: MoneyBagInput;
        kind?: string | null;
        status?: string | null;
        gateway?: string | null;
        authorizationCode?: string | null;
        test?: boolean | null;
        processedAt?: string | null;
      }[]
    | null;
  shippingLines?:
    | {
        title: string;
        code?: string | null;
        source?: string | null;
        priceSet: MoneyBagInput;
        taxLines?: TaxLineInput[] | null;
      }[]
    | null;
  taxLines?: TaxLineInput[] | null;
  discountCode?: {
    itemFixedDiscountCode?: { code: string; amountSet?: MoneyBagInput | null } | null;
    itemPercentageDiscountCode?: { code: string; percentage?: number | null } | null;
    freeShippingDiscountCode?: { code: string } | null;
  } | null;
  customer?: {
    toAssociate?: { id?: string | null; email?: string | null } | null;
    toUpsert?: {
      id?: string | null;
      email?: string | null;
      firstName?: string | null;
      lastName?: string | null;
      phone?: string | null;
    } | null;
  } | null;
  billingAddress?: GqlAddressInput | null;
  shippingAddress?: GqlAddressInput | null;
  customAttributes?: { key: string; value: string }[] | null;
  email?: string | null;
  phone?: string | null;
  note?: string | null;
  tags?: string[] | null;
  test?: boolean | null;
  currency?: string | null;
  presentmentCurrency?: string | null;
  processedAt?: string | null;
  sourceName?: string | null;
  sourceIdentifier?: string | null;
  poNumber?: string | null;
  financialStatus?: string | null;
  fulfillmentStatus?: string | null;
  taxesIncluded?: boolean | null;
  buyerAcceptsMarketing?: boolean | null;
  name?: string | null;
}

/** The amount in the currency the customer paid (presentment), else the shop amount. */
function amountOf(bag: MoneyBagInput | null | undefined): string | undefined {
  return bag ? (bag.presentmentMoney?.amount ?? bag.shopMoney.amount) : undefined;
}

function taxLines(lines: TaxLineInput[] | null | undefined): RestTaxLineInput[] | undefined {
  return lines?.map((t) => ({
    title: t.title,
    rate: t.rate,
    price: amountOf(t.priceSet),
    channel_liable: t.channelLiable ?? null,
  }));
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

function discountCodes(input: GqlOrderCreateInput['discountCode']): RestDiscountCodeInput[] | undefined {
  if (!input) return undefined;
  if (input.itemFixedDiscountCode) {
    const { code, amountSet } = input.itemFixedDiscountCode;
    return [{ code, amount: amountOf(amountSet) ?? '0', type: 'fixed_amount' }];
  }
  if (input.itemPercentageDiscountCode) {
    const { code, percentage } = input.itemPercentageDiscountCode;
    return [{ code, amount: String(percentage ?? 0), type: 'percentage' }];
  }
  if (input.freeShippingDiscountCode)
    return [{ code: input.freeShippingDiscountCode.code, amount: '0', type: 'shipping' }];
  return undefined;
}

function customer(input: GqlOrderCreateInput['customer']): RestOrderInput['customer'] {
  const associate = input?.toAssociate;
  if (associate)
    return defined({
      id: associate.id ? numericId(associate.id, 'Customer') : undefined,
      email: associate.email ?? undefined,
    });
  const upsert = input?.toUpsert;
  if (!upsert) return undefined;
  return defined({
    id: upsert.id ? numericId(upsert.id, 'Customer') : undefined,
    email: upsert.email ?? undefined,
    first_name: upsert.firstName ?? undefined,
    last_name: upsert.lastName ?? undefined,
    phone: upsert.phone ?? undefined,
  });
}

export function orderCreateToDomain(
  input: GqlOrderCreateInput,
  inventoryBehaviour?: string | null,
): RestOrderInput {
  const lineItems = (input.lineItems ?? []).map((l): RestLineItemInput =>
    defined({
      variant_id: l.variantId ? (numericId(l.variantId, 'ProductVariant') ?? -1) : undefined,
      product_id: l.productId ? numericId(l.productId, 'Product') : undefined,
      title: l.title ?? undefined,
      variant_title: l.variantTitle ?? undefined,
      sku: l.sku ?? undefined,
      vendor: l.vendor ?? undefined,
      quantity: l.quantity,
      price: amountOf(l.priceSet),
      taxable: l.taxable ?? undefined,
      requires_shipping: l.requiresShipping ?? undefined,
      gift_card: l.giftCard ?? undefined,
      properties: l.properties ?? undefined,
      tax_lines: taxLines(l.taxLines),
    }),
  );
  const transactions = input.transactions?.map((t): RestTransactionInput =>
    defined({
      // OrderCreateOrderTransactionInput defaults: kind SALE, status SUCCESS.
      kind: (t.kind ?? 'SALE').toLowerCase(),
      status: (t.status ?? 'SUCCESS').toLowerCase(),
      amount: amountOf(t.amountSet),
      gateway: t.gateway ?? undefined,
      authorization: t.authorizationCode ?? undefined,
      test: t.test ?? undefined,
      processed_at: t.processedAt ?? undefined,
    }),
  );
  const shippingLines = input.shippingLines?.map((s): RestShippingLineInput =>
    defined({
      title: s.title,
      code: s.code ?? undefined,
      source: s.source ?? undefined,
      price: amountOf(s.priceSet) ?? '0',
      tax_lines: taxLines(s.taxLines),
    }),
  );
  return defined({
    line_items: lineItems,
    transactions,
    shipping_lines: shippingLines,
    tax_lines: taxLines(input.taxLines),
    discount_codes: discountCodes(input.discountCode),
    customer: customer(input.customer),
    billing_address: addressToDomain(input.billingAddress),
    shipping_address: addressToDomain(input.shippingAddress),
    note_attributes: input.customAttributes?.map((a) => ({ name: a.key, value: a.value })),
    email: input.email,
    phone: input.phone,
    note: input.note,
    tags: input.tags ?? undefined,
    test: input.test,
    currency: input.currency,
    presentment_currency: input.presentmentCurrency,
    processed_at: input.processedAt,
    source_name: input.sourceName,
    source_identifier: input.sourceIdentifier,
    po_number: input.poNumber,
    financial_status: input.financialStatus?.toLowerCase(),
    fulfillment_status: input.fulfillmentStatus?.toLowerCase(),
    taxes_included: input.taxesIncluded,
    buyer_accepts_marketing: input.buyerAcceptsMarketing,
    name: input.name,
    inventory_behaviour: inventoryBehaviour?.toLowerCase() as RestOrderInput['inventory_behaviour'],
  }) as RestOrderInput;
}
