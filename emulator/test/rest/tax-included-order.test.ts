/**
 * The BC connector's real REST order (scaptapoc.myshopify.com, EUR, taxes included, 21% BE
 * VAT on the lamp and on shipping), rebuilt with rates only: the emulator must derive the
 * same included taxes and totals, then refund them.
 */
import { describe, expect, it } from 'vitest';
import { createOrder } from '../../src/domain/index.ts';
import { aShop } from '../support/builders.ts';
import { readFixture, replay, shapeDiff, type Body } from '../support/fixtures.ts';

const recorded = readFixture<Body>('microsoft-bc-shopify-connector/order-handeling/Order.json');
const expected: Body = recorded.order ?? recorded;

function placeBcOrder() {
  const shop = aShop({ currencyCode: 'EUR', ianaTimezone: 'Europe/Brussels' });
  const order = createOrder(shop.state, {
    currency: 'EUR',
    taxes_included: true,
    line_items: [
      {
        title: 'AMSTERDAM Lamp',
        sku: '1928-S',
        price: '55.20',
        quantity: 1,
        tax_lines: [{ rate: 0.21, title: 'BE TVA', channel_liable: false }],
      },
    ],
    shipping_lines: [
      {
        title: 'DHL',
        code: 'DHL',
        price: '4.99',
        tax_lines: [{ rate: 0.21, title: 'BE TVA', channel_liable: false }],
      },
    ],
    transactions: [{ kind: 'sale', amount: '60.19', gateway: 'bogus' }],
  });
  return { shop, order };
}

describe('tax-included EUR order (BC connector fixture)', () => {
  it('derives 9.58 + 0.87 = 10.45 of included VAT and totals like Shopify', () => {
    const { shop, order } = placeBcOrder();
    const body = replay(shop.state, {
      method: 'GET',
      path: `/admin/api/2025-10/orders/${order.id}.json`,
      query: '',
      body: null,
    }).body as Body;
    const actual = body.order;
    for (const key of [
      'currency',
      'taxes_included',
      'total_price',
      'subtotal_price',
      'total_tax',
      'total_discounts',
      'total_line_items_price',
      'current_total_price',
      'total_outstanding',
      'financial_status',
      'tax_lines',
    ]) {
      expect(actual[key], key).toEqual(expected[key]);
    }
    expect(actual.line_items[0].tax_lines[0].price).toBe('9.58');
    expect(actual.shipping_lines[0].tax_lines[0].price).toBe('0.87');
    // 2022 payload: a few keys Shopify has since added or dropped are expected to differ.
    const newer =
      /(total_cash_rounding|additional_fees|merchant_|confirmation_number|duties_included|estimated_taxes|po_number|user_id|total_price_usd|gateway|processing_method|payment_details|attributed_staffs|current_quantity|is_removed|delivery_category|customer|fulfillments|refunds|billing_address|shipping_address|client_details|tax_exempt|origin_location)/;
    expect(shapeDiff(actual, expected).filter((diff) => !newer.test(diff))).toEqual([]);
  });

  it('refunding the lamp and shipping gives back 60.19 with the included VAT shown apart', () => {
    const { shop, order } = placeBcOrder();
    const response = replay(shop.state, {
      method: 'POST',
      path: `/admin/api/2025-10/orders/${order.id}/refunds/calculate.json`,
      query: '',
      body: {
        refund: {
          shipping: { full_refund: true },
          refund_line_items: [
            { line_item_id: order.lineItems[0]!.id, quantity: 1, restock_type: 'no_restock' },
          ],
        },
      },
    });
    const refund = (response.body as Body).refund;
    expect(refund.refund_line_items[0]).toMatchObject({ subtotal: '55.20', total_tax: '9.58' });
    expect(refund.shipping).toEqual({ amount: '4.99', tax: '0.87', maximum_refundable: '4.99' });
    expect(refund.transactions.map((transaction: Body) => transaction.amount)).toEqual(['60.19']);
  });
});
