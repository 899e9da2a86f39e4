import { describe, expect, it } from 'vitest';
import { aLine, anOrder, aShippingLine, bag } from '../domain/testing/order-builders.ts';
import { paid, refundOf, shipped } from '../domain/testing/refund-builders.ts';
import type { OrderDocuments } from './refund-decision.ts';
import {
  decide,
  invoicedAs,
  refundShop,
  render,
  salesOrderAs,
  type RefundCase,
} from './testing/refund-fixtures.ts';

/**
 * What stops a refund (DESIGN.md: typed results with a stable code, naming the field to fix;
 * nothing is half-written): every problem found is listed, so one fix-up covers them all.
 */
const tee = aLine({ shopifyId: '9001', sku: 'SB-TEE', title: 'Tee', quantity: 2, unitPrice: bag(2500) });
const card = aLine({
  shopifyId: '9004',
  sku: null,
  title: '$50 card',
  isGiftCard: true,
  unitPrice: bag(5000),
});
const order = shipped(anOrder({ lines: [tee, card], shippingLines: [aShippingLine()] }));
const unshipped = paid(anOrder({ lines: [tee] }));
const withoutAccounts = (...names: string[]) => {
  const shop = refundShop();
  const accounts = Object.fromEntries(Object.entries(shop.accounts).filter(([key]) => !names.includes(key)));
  return { ...shop, accounts };
};
const unmapped = shipped(anOrder({ lines: [aLine({ sku: 'SB-NOPE' })] }));
const inEuro = shipped(anOrder({ shopCurrency: 'EUR', lines: [aLine({ unitPrice: bag(2500, 'EUR') })] }));
const released = salesOrderAs(unshipped, 'released') as Extract<OrderDocuments, { salesOrder: unknown }>;
const noRestock = refundOf(order, { lines: [{ line: '9001', quantity: 1, restock: 'no_restock' }] });

type ErrorCase = Omit<RefundCase, 'expected'> & { expected: string[] };

const errorCases: ErrorCase[] = [
  {
    name: 'seed 002 "Refund Account non-restock Items" not set: account_not_set names the setting',
    order,
    refund: noRestock,
    documents: invoicedAs(order),
    shop: withoutAccounts('refundNonRestockItems'),
    expected: [
      'error account_not_set (accounts.refundNonRestockItems): accounts.refundNonRestockItems is not set: needed for "Not restocked: Tee" (refund.lines[0]) of refund 7001 on order #1001',
    ],
  },
  {
    name: 'gift card refunded without a sold gift card account',
    order,
    refund: refundOf(order, { lines: [{ line: '9004', quantity: 1, restock: 'no_restock' }] }),
    documents: invoicedAs(order),
    shop: withoutAccounts('soldGiftCard'),
    expected: [
      'error account_not_set (accounts.soldGiftCard): accounts.soldGiftCard is not set: needed for "Gift card refunded: $50 card" (refund.lines[0]) of refund 7001 on order #1001',
    ],
  },
  {
    name: 'shipping refunded without a shipping charges account, and a manual amount without a refund account',
    order,
    refund: refundOf(order, { shipping: [{ line: '8001' }], refunded: 700 }),
    documents: invoicedAs(order),
    shop: withoutAccounts('shippingCharges', 'refund'),
    expected: [
      'error account_not_set (accounts.shippingCharges): accounts.shippingCharges is not set: needed for "Shipping refund: Standard" (refund.shippingLines[0]) of refund 7001 on order #1001',
      'error account_not_set (accounts.refund): accounts.refund is not set: needed for "Other refunded amount (tip, manual amount)" (refund.totalRefunded) of refund 7001 on order #1001',
    ],
  },
  {
    name: 'seed 000 "Refund Pay from account" not set',
    order,
    refund: noRestock,
    documents: invoicedAs(order),
    shop: withoutAccounts('refundPayFrom'),
    expected: [
      'error account_not_set (accounts.refundPayFrom): accounts.refundPayFrom is not set: needed to pay refund transaction 70011 of refund 7001 on order #1001',
    ],
  },
  {
    name: 'a restocked item whose SKU is not mapped: item_not_mapped names SKU, order and line',
    order: unmapped,
    refund: refundOf(unmapped, { lines: [{ line: '9001', quantity: 1, restock: 'return' }] }),
    documents: invoicedAs(unmapped),
    expected: [
      'error item_not_mapped (refund.lines[0]): Item with SKU "SB-NOPE" (order #1001, line 1 "Tee") is not mapped',
    ],
  },
  {
    name: 'a refund line for a line the order does not have',
    order,
    refund: { ...noRestock, lines: [{ ...noRestock.lines[0]!, lineShopifyId: '9999' }] },
    documents: invoicedAs(order),
    expected: [
      'error order_line_not_found (refund.lines[0]): Refund 7001 of order #1001 refunds line 9999, which is not on the order',
    ],
  },
  {
    name: 'released sales order without the refunded line',
    order: unshipped,
    refund: refundOf(unshipped, { lines: [{ line: '9001', quantity: 1, restock: 'cancel' }] }),
    documents: { ...released, lines: [] },
    expected: [
      'error document_line_not_found (refund.lines[0]): Order line 9001 (Tee) of refund 7001 of order #1001 is on no line of the sales order',
    ],
  },
  {
    name: 'more units refunded than the sales order line holds',
    order: unshipped,
    refund: refundOf(unshipped, { lines: [{ line: '9001', quantity: 2, restock: 'cancel' }] }),
    documents: {
      ...released,
      lines: released.lines.map((l) => ({ ...l, quantity: 1, releasedQuantity: 1 })),
    },
    expected: [
      'error quantity_exceeds_document (refund.lines[0]): refund 7001 of order #1001 takes 2 of order line 9001 (Tee), more than its sales order line still holds',
    ],
  },
  {
    name: "Shopify's refunded total disagrees with the refund's transactions",
    order,
    refund: { ...noRestock, totalRefunded: bag(100) },
    documents: invoicedAs(order),
    expected: [
      "error amounts_do_not_reconcile (refund.totalRefunded): Refund 7001 of order #1001: its successful transactions total 25.00 USD but Shopify's refunded total is 1.00 USD",
    ],
  },
  {
    name: 'order in another currency than the shop is set up for',
    order,
    refund: noRestock,
    documents: invoicedAs(order),
    shop: refundShop({ shopCurrency: 'EUR' }),
    expected: [
      'error shop_currency_mismatch (shopCurrency): Order #1001 is in USD but shop WEB is set up for EUR (shopCurrency)',
    ],
  },
  {
    name: 'foreign shop currency without an exchange rate names currency and date',
    order: inEuro,
    refund: refundOf(inEuro, { lines: [{ line: '9001', quantity: 1, restock: 'return' }] }),
    documents: invoicedAs(inEuro),
    shop: refundShop({ shopCurrency: 'EUR' }),
    expected: [
      'error exchange_rate_missing (exchangeRate): No exchange rate for EUR valid on 2025-03-05 (refund 7001 of order #1001); import one with storebridge exchange-rates import',
    ],
  },
];

describe('what stops a refund', () => {
  it.each(errorCases)('$name', ({ expected, ...c }) => {
    expect(render(decide(c))).toEqual(expected);
  });
});
