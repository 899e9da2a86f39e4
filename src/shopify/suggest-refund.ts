import type { MoneyBag } from '../domain/order.ts';
import type { ShopifyClient } from './client.ts';
import { ShopifyOrderNotFoundError } from './errors.ts';
import { legacyId, toGid } from './ids.ts';
import { bag, type Currencies } from './map/money.ts';
import type { MoneyBagNode } from './payload.ts';

/** Shopify's `RefundLineItemRestockType`, as storebridge names it (seed 003 `restock_type`). */
export type RestockChoice = 'return' | 'cancel' | 'no_restock';

/** What the agent chose to refund (issue 8 item 2), in Shopify's terms; ids are numeric strings. */
export interface RefundChoice {
  shopifyOrderId: string;
  lines: { lineShopifyId: string; quantity: number; restock: RestockChoice; locationShopifyId?: string }[];
  /** 'full': every remaining shipping amount; a decimal string in the presentment currency; none. */
  shipping: 'full' | { amount: string } | null;
  /** Every refundable unit and all remaining shipping (suggestFullRefund). */
  all?: boolean;
}

/** `SuggestedRefund`, in minor units, both sides kept apart (shop and presentment money). */
export interface SuggestedRefund {
  currencies: Currencies;
  amount: MoneyBag;
  maximumRefundable: MoneyBag;
  subtotal: MoneyBag;
  discountedSubtotal: MoneyBag;
  totalTax: MoneyBag;
  totalCartDiscount: MoneyBag;
  shipping: { amount: MoneyBag; maximumRefundable: MoneyBag; tax: MoneyBag };
  lines: {
    lineShopifyId: string;
    sku: string | null;
    title: string;
    quantity: number;
    restock: RestockChoice;
    locationShopifyId: string | null;
    price: MoneyBag;
    subtotal: MoneyBag;
    totalTax: MoneyBag;
  }[];
  /** What to refund on which payment (seed 003: "kind": "suggested_refund" becomes "refund"). */
  transactions: {
    gateway: string;
    amount: MoneyBag;
    maximumRefundable: MoneyBag;
    parentShopifyId: string | null;
  }[];
}

type Node = {
  order: {
    currencyCode: string;
    presentmentCurrencyCode: string;
    suggestedRefund: {
      amountSet: MoneyBagNode;
      maximumRefundableSet: MoneyBagNode;
      subtotalSet: MoneyBagNode;
      discountedSubtotalSet: MoneyBagNode;
      totalTaxSet: MoneyBagNode;
      totalCartDiscountAmountSet: MoneyBagNode;
      shipping: { amountSet: MoneyBagNode; maximumRefundableSet: MoneyBagNode; taxSet: MoneyBagNode };
      refundLineItems: {
        quantity: number;
        restockType: string;
        location: { id: string } | null;
        lineItem: { id: string; sku: string | null; title: string };
        priceSet: MoneyBagNode;
        subtotalSet: MoneyBagNode;
        totalTaxSet: MoneyBagNode;
      }[];
      suggestedTransactions: {
        gateway: string | null;
        amountSet: MoneyBagNode;
        maximumRefundableSet: MoneyBagNode | null;
        parentTransaction: { id: string } | null;
      }[];
    } | null;
  } | null;
};

/** The refund input Shopify's calculation and refundCreate share (RefundLineItemInput). */
export function refundLineInputs(choice: RefundChoice) {
  return choice.lines.map((line) => ({
    lineItemId: toGid('LineItem', line.lineShopifyId),
    quantity: line.quantity,
    restockType: line.restock.toUpperCase(),
    ...(line.locationShopifyId ? { locationId: toGid('Location', line.locationShopifyId) } : {}),
  }));
}

/** seed 003 step 1: Shopify's own calculation of the refund (Order.suggestedRefund). */
export async function suggestRefund(client: ShopifyClient, choice: RefundChoice): Promise<SuggestedRefund> {
  const { data } = await client.request<Node>('OrderSuggestedRefund', {
    id: toGid('Order', choice.shopifyOrderId),
    refundLineItems: choice.all ? null : refundLineInputs(choice),
    refundShipping: choice.shipping === 'full',
    shippingAmount: typeof choice.shipping === 'object' && choice.shipping ? choice.shipping.amount : null,
    suggestFullRefund: choice.all ?? false,
  });
  const suggested = data.order?.suggestedRefund;
  if (!data.order || !suggested)
    throw new ShopifyOrderNotFoundError(`Shopify order ${choice.shopifyOrderId} was not found`);
  const currencies = { shop: data.order.currencyCode, presentment: data.order.presentmentCurrencyCode };
  const money = (node: MoneyBagNode | null, field: string) =>
    bag(node, `suggestedRefund.${field}`, currencies);
  return {
    currencies,
    amount: money(suggested.amountSet, 'amountSet'),
    maximumRefundable: money(suggested.maximumRefundableSet, 'maximumRefundableSet'),
    subtotal: money(suggested.subtotalSet, 'subtotalSet'),
    discountedSubtotal: money(suggested.discountedSubtotalSet, 'discountedSubtotalSet'),
    totalTax: money(suggested.totalTaxSet, 'totalTaxSet'),
    totalCartDiscount: money(suggested.totalCartDiscountAmountSet, 'totalCartDiscountAmountSet'),
    shipping: {
      amount: money(suggested.shipping.amountSet, 'shipping.amountSet'),
      maximumRefundable: money(suggested.shipping.maximumRefundableSet, 'shipping.maximumRefundableSet'),
      tax: money(suggested.shipping.taxSet, 'shipping.taxSet'),
    },
    lines: suggested.refundLineItems.map((line, index) => ({
      lineShopifyId: legacyId(line.lineItem.id),
      sku: line.lineItem.sku,
      title: line.lineItem.title,
      quantity: line.quantity,
      restock: line.restockType.toLowerCase() as RestockChoice,
      locationShopifyId: line.location ? legacyId(line.location.id) : null,
      price: money(line.priceSet, `refundLineItems.${index}.priceSet`),
      subtotal: money(line.subtotalSet, `refundLineItems.${index}.subtotalSet`),
      totalTax: money(line.totalTaxSet, `refundLineItems.${index}.totalTaxSet`),
    })),
    transactions: suggested.suggestedTransactions.map((transaction, index) => ({
      gateway: transaction.gateway ?? '',
      amount: money(transaction.amountSet, `suggestedTransactions.${index}.amountSet`),
      maximumRefundable: money(
        transaction.maximumRefundableSet,
        `suggestedTransactions.${index}.maximumRefundableSet`,
      ),
      parentShopifyId: transaction.parentTransaction ? legacyId(transaction.parentTransaction.id) : null,
    })),
  };
}
