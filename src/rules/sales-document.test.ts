import { describe, expect, it } from 'vitest';
import type { Order } from '../domain/order.ts';
import { formatMoney } from '../money/index.ts';
import { parseShopSettings, type ShopSettingsInput } from '../shops/index.ts';
import {
  aLine,
  anOrder,
  aShippingLine,
  bag,
  withRefundOf,
  withShopifyTotals,
} from '../domain/testing/order-builders.ts';
import {
  salesDocument,
  type DocumentDraft,
  type ExchangeRate,
  type SalesDocumentOutcome,
} from './sales-document.ts';

const items = new Map([
  ['SB-TEE', { no: '1000', description: 'Storebridge Tee', type: 'inventory' as const }],
  ['SB-MUG', { no: '1001', description: 'Storebridge Mug', type: 'inventory' as const }],
  ['SB-GIFTWRAP', { no: '1900', description: 'Gift wrapping', type: 'service' as const }],
]);

function settings(overrides: Partial<ShopSettingsInput> = {}) {
  return parseShopSettings({
    code: 'WEB',
    shopifyDomain: 'web.myshopify.com',
    credentials: { accessToken: 'shpat_test' },
    accounts: { shippingCharges: '4100', tip: '2300', soldGiftCard: '2200' },
    locationMappings: [
      { shopifyLocationId: 'gid://shopify/Location/1', locationCode: 'MAIN', isDefault: true },
      { shopifyLocationId: '2', locationCode: 'EAST' },
    ],
    ...overrides,
  });
}

/** One line per document line, the way an accountant reads a sales document. */
function lines(document: DocumentDraft): string[] {
  return document.lines.map((l) =>
    [
      `${l.lineNo} ${l.type} ${l.no ?? '-'} "${l.description}"`,
      `${l.quantity} x ${formatMoney(l.unitPrice)}`,
      `disc ${formatMoney(l.lineDiscount)}`,
      `amount ${formatMoney(l.amount)}`,
      `tax ${formatMoney(l.taxAmount)}`,
      `loc ${l.locationCode ?? '-'}`,
      `released ${l.releasedQuantity}`,
    ].join(' | '),
  );
}

function header(document: DocumentDraft) {
  return {
    type: document.type,
    status: document.status,
    date: document.documentDate,
    currency: document.currency,
    rate: document.exchangeRate,
    shipment: [document.shipmentMethodCode, document.shippingAgentCode, document.shippingAgentServiceCode],
    total: `${formatMoney(document.amount)} + tax ${formatMoney(document.taxAmount)} = ${formatMoney(document.amountIncludingTax)}`,
  };
}

function run(
  order: Order,
  shop = settings(),
  exchangeRate: ExchangeRate | null = null,
): SalesDocumentOutcome {
  return salesDocument({
    order,
    settings: shop,
    itemsBySku: items,
    customer: { no: 'C0001', billingAddress: null },
    exchangeRate,
  });
}

function document(order: Order, shop = settings(), exchangeRate: ExchangeRate | null = null): DocumentDraft {
  const outcome = run(order, shop, exchangeRate);
  if (!outcome.ok)
    throw new Error(`expected a document, got ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.document;
}

const fulfilled = (line = aLine()) => ({ ...line, unfulfilledQuantity: 0 });
const mugs = aLine({ shopifyId: '9002', sku: 'SB-MUG', title: 'Mug', quantity: 3, unitPrice: bag(1250) });

describe('which document an order becomes (seed 002)', () => {
  it.each([
    {
      name: 'needs fulfilment -> sales order',
      order: anOrder(),
      shop: settings(),
      type: 'sales_order',
      status: 'open',
    },
    {
      name: 'already fulfilled in Shopify -> sales invoice',
      order: anOrder({ lines: [fulfilled()] }),
      shop: settings(),
      type: 'sales_invoice',
      status: 'open',
    },
    {
      name: 'gift card only -> sales invoice',
      order: anOrder({
        lines: [aLine({ sku: null, title: 'Gift card', isGiftCard: true, requiresShipping: false })],
      }),
      shop: settings(),
      type: 'sales_invoice',
      status: 'open',
    },
    {
      name: 'fulfilled, shop takes cash sales -> cash sale',
      order: anOrder({ lines: [fulfilled()] }),
      shop: settings({ fulfilledOrderDocument: 'cash_sale' }),
      type: 'cash_sale',
      status: 'open',
    },
    {
      name: 'needs fulfilment, cash sale shop -> still a sales order',
      order: anOrder(),
      shop: settings({ fulfilledOrderDocument: 'cash_sale' }),
      type: 'sales_order',
      status: 'open',
    },
    {
      name: 'auto release -> released sales order',
      order: anOrder(),
      shop: settings({ autoReleaseSalesOrders: true }),
      type: 'sales_order',
      status: 'released',
    },
    {
      name: 'auto release does not touch invoices',
      order: anOrder({ lines: [fulfilled()] }),
      shop: settings({ autoReleaseSalesOrders: true }),
      type: 'sales_invoice',
      status: 'open',
    },
  ])('$name', ({ order, shop, type, status }) => {
    const result = document(order, shop);
    expect([result.type, result.status]).toEqual([type, status]);
  });
});

const lineCases: { name: string; order: Order; shop?: ReturnType<typeof settings>; expected: string[] }[] = [
  {
    name: 'item by SKU at the default location',
    order: anOrder(),
    expected: ['1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 0.00 | loc MAIN | released 0'],
  },
  {
    name: 'line and cart discount allocations become the line discount',
    order: anOrder({
      lines: [
        aLine({
          quantity: 2,
          discountAllocations: [
            { amount: bag(500), title: 'TEE5', target: 'line' },
            { amount: bag(334), title: 'TENOFF', target: 'order' },
          ],
        }),
      ],
    }),
    expected: ['1 item 1000 "Tee" | 2 x 25.00 | disc 8.34 | amount 41.66 | tax 0.00 | loc MAIN | released 0'],
  },
  {
    name: 'tax on top of prices',
    order: anOrder({
      lines: [aLine({ quantity: 2, taxLines: [{ title: 'VAT', rate: '0.21', amount: bag(1050) }] })],
    }),
    expected: [
      '1 item 1000 "Tee" | 2 x 25.00 | disc 0.00 | amount 50.00 | tax 10.50 | loc MAIN | released 0',
    ],
  },
  {
    name: 'tax-included prices: amount excl. tax = price x qty - discount - tax',
    order: anOrder({
      taxesIncluded: true,
      lines: [
        aLine({
          unitPrice: bag(12100),
          discountAllocations: [{ amount: bag(2100), title: null, target: 'line' }],
          taxLines: [{ title: 'VAT', rate: '0.21', amount: bag(1736) }],
        }),
      ],
    }),
    expected: [
      '1 item 1000 "Tee" | 1 x 121.00 | disc 21.00 | amount 82.64 | tax 17.36 | loc MAIN | released 0',
    ],
  },
  {
    name: 'edit decreased 3 mugs to 1 (a zero-amount refund): the new quantity, its share of the amounts',
    order: withRefundOf(
      anOrder({
        lines: [
          {
            ...mugs,
            discountAllocations: [{ amount: bag(100), title: null, target: 'order' }],
            taxLines: [{ title: 'Tax', rate: '0.06', amount: bag(219) }],
          },
        ],
      }),
      [{ lineShopifyId: '9002', quantity: 2 }],
    ),
    expected: ['1 item 1001 "Mug" | 1 x 12.50 | disc 0.33 | amount 12.17 | tax 0.73 | loc MAIN | released 0'],
  },
  {
    name: 'edit removed the tee: it is not imported',
    order: withRefundOf(anOrder({ lines: [aLine(), mugs] }), [{ lineShopifyId: '9001', quantity: 1 }]),
    expected: ['1 item 1001 "Mug" | 3 x 12.50 | disc 0.00 | amount 37.50 | tax 0.00 | loc MAIN | released 0'],
  },
  {
    name: 'location from the fulfillment order Shopify assigned (mapped GID vs numeric id)',
    order: anOrder({
      fulfillmentOrders: [
        {
          shopifyId: 'fo1',
          status: 'open',
          locationShopifyId: '2',
          lines: [{ lineShopifyId: '9001', remainingQuantity: 1 }],
        },
      ],
    }),
    expected: ['1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 0.00 | loc EAST | released 0'],
  },
  {
    name: 'auto release reserves inventory items, not services',
    order: anOrder({
      lines: [
        aLine({ quantity: 2 }),
        aLine({ shopifyId: '9003', sku: 'SB-GIFTWRAP', title: 'Wrap', unitPrice: bag(400) }),
      ],
    }),
    shop: settings({ autoReleaseSalesOrders: true }),
    expected: [
      '1 item 1000 "Tee" | 2 x 25.00 | disc 0.00 | amount 50.00 | tax 0.00 | loc MAIN | released 2',
      '2 item 1900 "Wrap" | 1 x 4.00 | disc 0.00 | amount 4.00 | tax 0.00 | loc MAIN | released 0',
    ],
  },
  {
    name: 'gift card sold -> sold gift card account, not revenue',
    order: anOrder({
      lines: [
        aLine(),
        aLine({ shopifyId: '9004', sku: null, title: '$50 card', isGiftCard: true, unitPrice: bag(5000) }),
      ],
    }),
    expected: [
      '1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 0.00 | loc MAIN | released 0',
      '2 gl_account 2200 "Gift card sold: $50 card" | 1 x 50.00 | disc 0.00 | amount 50.00 | tax 0.00 | loc - | released 0',
    ],
  },
  {
    name: 'shipping without a mapping -> shipping charges account, with its tax and discount',
    order: anOrder({
      shippingLines: [
        aShippingLine({
          price: bag(1000),
          discountedPrice: bag(800),
          taxLines: [{ title: 'Tax', rate: '0.06', amount: bag(48) }],
        }),
      ],
    }),
    expected: [
      '1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 0.00 | loc MAIN | released 0',
      '2 gl_account 4100 "Shipping: Standard" | 1 x 10.00 | disc 2.00 | amount 8.00 | tax 0.48 | loc - | released 0',
    ],
  },
  {
    name: 'shipping mapped to an item charge',
    order: anOrder({ shippingLines: [aShippingLine({ title: 'Express' })] }),
    shop: settings({
      shipmentMethodMappings: [{ shopifyTitle: 'express', chargesType: 'item_charge', chargesNo: 'FREIGHT' }],
    }),
    expected: [
      '1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 0.00 | loc MAIN | released 0',
      '2 item_charge FREIGHT "Shipping: Express" | 1 x 5.00 | disc 0.00 | amount 5.00 | tax 0.00 | loc - | released 0',
    ],
  },
  {
    name: 'free shipping has nothing to post',
    order: anOrder({ shippingLines: [aShippingLine({ price: bag(0) })] }),
    expected: ['1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 0.00 | loc MAIN | released 0'],
  },
  {
    name: 'tip -> tip account, untaxed',
    order: withShopifyTotals(anOrder(), 300),
    expected: [
      '1 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 0.00 | loc MAIN | released 0',
      '2 gl_account 2300 "Tip" | 1 x 3.00 | disc 0.00 | amount 3.00 | tax 0.00 | loc - | released 0',
    ],
  },
  {
    name: 'Shopify order no. as a comment line when the shop asks for it',
    order: anOrder(),
    shop: settings({ shopifyOrderNoOnDocumentLine: true }),
    expected: [
      '1 comment - "Shopify order #1001" | 0 x 0.00 | disc 0.00 | amount 0.00 | tax 0.00 | loc - | released 0',
      '2 item 1000 "Tee" | 1 x 25.00 | disc 0.00 | amount 25.00 | tax 0.00 | loc MAIN | released 0',
    ],
  },
];

describe('document lines', () => {
  it.each(lineCases)('$name', ({ order, shop, expected }) => {
    expect(lines(document(order, shop))).toEqual(expected);
  });
});

describe('document header', () => {
  it('the first shipping line sets the shipment method, agent and service (seed 002 note)', () => {
    const shop = settings({
      shipmentMethodMappings: [
        {
          shopifyTitle: 'Standard',
          shipmentMethodCode: 'STD',
          shippingAgentCode: 'UPS',
          shippingAgentServiceCode: 'GROUND',
        },
        { shopifyTitle: 'Express', shipmentMethodCode: 'EXP', shippingAgentCode: 'DHL' },
      ],
    });
    const order = anOrder({
      shippingLines: [aShippingLine(), aShippingLine({ shopifyId: '8002', title: 'Express' })],
    });
    expect(header(document(order, shop)).shipment).toEqual(['STD', 'UPS', 'GROUND']);
  });

  it('the document date is processedAt in the shop time zone', () => {
    const order = anOrder({ processedAt: '2025-03-01T02:30:00Z' });
    expect(header(document(order, settings({ timeZone: 'America/New_York' }))).date).toBe('2025-02-28');
    expect(header(document(order, settings({ timeZone: 'Europe/Berlin' }))).date).toBe('2025-03-01');
  });

  it('a shop selling in EUR with a USD back office: EUR document with the rate of its date', () => {
    const order = anOrder({ shopCurrency: 'EUR', lines: [aLine({ unitPrice: bag(2500, 'EUR') })] });
    const rate = { currency: 'EUR', startingDate: '2025-01-01', rate: '1.0850' };
    expect(header(document(order, settings({ shopCurrency: 'EUR' }), rate))).toMatchObject({
      currency: 'EUR',
      rate: '1.0850',
      total: '25.00 + tax 0.00 = 25.00',
    });
  });

  it('yen amounts keep no decimals', () => {
    const order = anOrder({
      shopCurrency: 'JPY',
      lines: [aLine({ quantity: 2, unitPrice: bag(1500, 'JPY') })],
    });
    const rate = { currency: 'JPY', startingDate: '2025-01-01', rate: '0.0067' };
    expect(header(document(order, settings({ shopCurrency: 'JPY' }), rate)).total).toBe(
      '3000 + tax 0 = 3000',
    );
  });

  it('tax area from the first address source in the shop priority', () => {
    const address = (countryCode: string, province: string | null) => ({
      name: null,
      company: null,
      address1: null,
      address2: null,
      city: null,
      province,
      zip: null,
      countryCode,
      phone: null,
    });
    const order = anOrder({ shippingAddress: address('US', 'NY'), billingAddress: address('US', 'NJ') });
    expect(document(order).taxAreaCode).toBe('US-NY');
    expect(document(order, settings({ taxAreaPriority: ['bill_to'] })).taxAreaCode).toBe('US-NJ');
  });
});

describe('what stops a document (typed outcomes, nothing written)', () => {
  it.each([
    {
      name: 'an item not mapped names the SKU',
      order: anOrder({ lines: [aLine({ sku: 'SB-NOPE' })] }),
      shop: settings(),
      code: 'item_not_mapped',
      text: 'Item with SKU "SB-NOPE" (order #1001, line 1 "Tee") is not mapped',
    },
    {
      name: 'a line without SKU',
      order: anOrder({ lines: [aLine({ sku: null, title: 'Custom' })] }),
      shop: settings(),
      code: 'item_not_mapped',
      text: 'Line 1 "Custom" of order #1001 has no SKU',
    },
    {
      name: 'shipping with no account',
      order: anOrder({ shippingLines: [aShippingLine()] }),
      shop: settings({ accounts: {} }),
      code: 'account_not_set',
      text: 'accounts.shippingCharges is not set',
    },
    {
      name: 'a tip with no tip account',
      order: withShopifyTotals(anOrder(), 100),
      shop: settings({ accounts: {} }),
      code: 'account_not_set',
      text: 'accounts.tip is not set',
    },
    {
      name: 'a gift card with no sold gift card account',
      order: anOrder({ lines: [aLine({ sku: null, isGiftCard: true })] }),
      shop: settings({ accounts: {} }),
      code: 'account_not_set',
      text: 'accounts.soldGiftCard is not set',
    },
    {
      name: 'foreign shop currency without a rate names currency and date',
      order: anOrder({ shopCurrency: 'EUR', lines: [aLine({ unitPrice: bag(2500, 'EUR') })] }),
      shop: settings({ shopCurrency: 'EUR' }),
      code: 'exchange_rate_missing',
      text: 'No exchange rate for EUR valid on 2025-03-01',
    },
    {
      name: 'order in another currency than the shop is set up for',
      order: anOrder({ shopCurrency: 'EUR', lines: [aLine({ unitPrice: bag(2500, 'EUR') })] }),
      shop: settings(),
      code: 'shop_currency_mismatch',
      text: 'is in EUR but shop WEB is set up for USD',
    },
    {
      name: 'every line removed by edits',
      order: withRefundOf(anOrder(), [{ lineShopifyId: '9001', quantity: 1 }]),
      shop: settings(),
      code: 'nothing_to_document',
      text: 'nothing left',
    },
    {
      name: 'totals Shopify reports that the lines do not explain (duties, say)',
      order: { ...anOrder(), totals: { ...anOrder().totals, currentTotalPrice: bag(2700) } },
      shop: settings(),
      code: 'amounts_do_not_reconcile',
      text: "document lines total 25.00 USD but Shopify's current total is 27.00",
    },
  ])('$name', ({ order, shop, code, text }) => {
    const outcome = run(order, shop);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe(code);
    expect(outcome.error.message).toContain(text);
  });
});
