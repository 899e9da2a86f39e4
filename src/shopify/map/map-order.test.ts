import { describe, expect, it } from 'vitest';
import { mapOrder } from './map-order.ts';

const bag = (amount: string, currency = 'USD') => ({
  shopMoney: { amount, currencyCode: currency },
  presentmentMoney: { amount, currencyCode: currency },
});
const page = <T>(nodes: T[], hasNextPage = false) => ({ nodes, pageInfo: { hasNextPage, endCursor: null } });

/** A minimal order node as OrderFields returns it (shapes from the emulator's answers). */
function anOrderNode(overrides: Record<string, unknown> = {}) {
  return {
    id: 'gid://shopify/Order/1001',
    legacyResourceId: '1001',
    name: '#1001',
    createdAt: '2025-03-01T10:00:00Z',
    updatedAt: '2025-03-01T10:05:00Z',
    processedAt: '2025-03-01T10:00:00Z',
    closedAt: null,
    cancelledAt: null,
    cancelReason: null,
    test: false,
    sourceName: 'web',
    tags: ['vip'],
    note: null,
    email: 'ada@example.com',
    phone: null,
    currencyCode: 'USD',
    presentmentCurrencyCode: 'USD',
    taxesIncluded: false,
    displayFinancialStatus: 'PAID',
    displayFulfillmentStatus: 'UNFULFILLED',
    channelInformation: null,
    customAttributes: [{ key: 'gift', value: 'yes' }],
    risk: { recommendation: 'ACCEPT', assessments: [{ riskLevel: 'LOW' }] },
    customer: null,
    purchasingEntity: null,
    billingAddress: null,
    shippingAddress: null,
    subtotalPriceSet: bag('19.99'),
    totalDiscountsSet: null,
    totalShippingPriceSet: bag('0.00'),
    totalTaxSet: null,
    totalTipReceivedSet: bag('0.00'),
    totalPriceSet: bag('19.99'),
    currentTotalPriceSet: bag('19.99'),
    totalReceivedSet: bag('19.99'),
    totalRefundedSet: bag('0.00'),
    netPaymentSet: bag('19.99'),
    totalOutstandingSet: bag('0.00'),
    lineItems: page([
      {
        id: 'gid://shopify/LineItem/5',
        sku: 'SB-TEE',
        title: 'Tee',
        variantTitle: null,
        quantity: 1,
        currentQuantity: 1,
        refundableQuantity: 1,
        unfulfilledQuantity: 1,
        taxable: true,
        requiresShipping: true,
        isGiftCard: false,
        originalUnitPriceSet: bag('19.99'),
        discountAllocations: [],
        taxLines: [],
      },
    ]),
    shippingLines: page([]),
    transactions: [
      {
        id: 'gid://shopify/OrderTransaction/7',
        kind: 'SALE',
        status: 'SUCCESS',
        gateway: 'shopify_payments',
        processedAt: '2025-03-01T10:00:00Z',
        paymentId: 'pay_123',
        authorizationCode: null,
        test: false,
        amountSet: bag('19.99'),
        parentTransaction: null,
      },
    ],
    fulfillmentOrders: page([]),
    fulfillments: [],
    refunds: [],
    returns: page([]),
    ...overrides,
  };
}

describe('mapOrder (pure)', () => {
  it('maps ids to numeric strings, money to minor units, null totals to zero', () => {
    const order = mapOrder(anOrderNode());
    expect(order.shopifyId).toBe('1001');
    expect(order.lines[0]).toMatchObject({
      shopifyId: '5',
      unitPrice: { shop: { minor: 1999, currency: 'USD' } },
    });
    expect(order.totals.totalTax.shop).toEqual({ minor: 0, currency: 'USD' });
    expect(order.paymentReference).toBe('pay_123');
    expect(order.customAttributes).toEqual([{ key: 'gift', value: 'yes' }]);
  });

  it('refuses a payload whose connections were not completed, naming the connection', () => {
    const partial = anOrderNode({ lineItems: page([], true) });
    expect(() => mapOrder(partial)).toThrow(/lineItems: has more pages than the payload holds/);
    expect(() => mapOrder(anOrderNode({ returns: undefined }))).toThrow(/returns: is missing/);
  });

  it('refuses amounts it cannot represent exactly, naming the field', () => {
    const bad = anOrderNode({ totalPriceSet: bag('19.999') });
    expect(() => mapOrder(bad)).toThrow(/totalPriceSet.shopMoney/);
  });

  it('refuses something that is not an order', () => {
    expect(() => mapOrder({ id: 'gid://shopify/Product/1' })).toThrow(/not a Shopify order node/);
    expect(() => mapOrder(null)).toThrow(/not a Shopify order node/);
  });
});
