import {
  createOrder,
  createTransaction,
  formatMinor,
  orderTotals,
  type Order,
  type RestLineItemInput,
  type RestOrderInput,
  type ShopState,
} from '../domain/index.ts';
import type { OrderCase, OrderTrait } from './mix.ts';
import type { Random } from './seeded-random.ts';
import type { SimulatedShop } from './shop-setup.ts';

/** Presentment currencies and their presentment -> shop (USD) rates. */
const foreignCurrencies = [
  { code: 'EUR', rate: '1.08' },
  { code: 'CAD', rate: '0.74' },
  { code: 'GBP', rate: '1.27' },
] as const;

/** Cases that need unshipped units or an unpaid order: a POS sale (shipped at once) cannot be one. */
const posCases: ReadonlySet<OrderCase> = new Set([
  'plain',
  'refund-amount-only',
  'refund-return-restock',
  'refund-no-restock',
  'refund-discrepancy',
  'refund-pending',
  'return-with-refund',
  'return-without-refund',
  'return-declined',
]);

export interface PlacedOrder {
  order: Order;
  traits: OrderTrait[];
  pos: boolean;
}

/**
 * Places one order as a checkout or a POS sale would: lines from the catalogue, taxes, a discount,
 * shipping, a tip, a gift card bought or used, then the payment (sale, authorization, or none for
 * orders paid later). The payment is a separate transaction because its amount is the order total
 * the domain computes.
 */
export function placeOrder(
  state: ShopState,
  shop: SimulatedShop,
  random: Random,
  orderCase: OrderCase,
  traits: OrderTrait[],
): PlacedOrder {
  const pos = traits.includes('pos') && posCases.has(orderCase);
  const b2b = orderCase === 'b2b-pay-later';
  const input = orderInput(shop, random, traits, { pos, b2b, orderCase });
  const order = createOrder(state, input);
  pay(state, order, orderCase, traits, pos);
  return { order, traits: traits.filter((trait) => trait !== 'pos' || pos), pos };
}

function orderInput(
  shop: SimulatedShop,
  random: Random,
  traits: OrderTrait[],
  how: { pos: boolean; b2b: boolean; orderCase: OrderCase },
): RestOrderInput {
  const has = (trait: OrderTrait) => traits.includes(trait);
  const currency = has('foreign-currency') ? random.pick(foreignCurrencies) : null;
  const buyer = how.b2b
    ? (shop.customers.find((c) => c.id === shop.company.contactId) ?? shop.customers[0]!)
    : random.pick(shop.customers);
  const address = how.pos ? null : addressOf(buyer.firstName, buyer.lastName);
  const taxesIncluded = has('tax-included');
  const lines = lineItems(shop, random, taxesIncluded, has('gift-card-sold'));
  const discount = has('line-discount') ? 'line' : has('cart-discount') ? 'cart' : null;
  return {
    line_items: discount === 'line' ? withLineDiscount(lines) : lines,
    ...(discount === 'line' ? { discount_applications: [lineDiscountApplication] } : {}),
    ...(discount === 'cart'
      ? { discount_codes: [{ code: 'SAVE10', amount: '10', type: 'percentage' as const }] }
      : {}),
    shipping_lines: how.pos
      ? []
      : [{ title: 'Standard', code: 'STANDARD', source: 'shopify', price: '5.90' }],
    customer: { id: buyer.id },
    email: buyer.email,
    billing_address: address,
    shipping_address: address,
    ...(how.b2b ? { company_id: shop.company.id, po_number: `PO-${random.int(1000, 9999)}` } : {}),
    ...(currency ? { presentment_currency: currency.code, exchange_rate: currency.rate } : {}),
    taxes_included: taxesIncluded,
    financial_status: 'pending',
    source_name: how.pos ? 'pos' : 'web',
    ...(how.pos ? { location_id: shop.store.id, fulfillment_status: 'fulfilled' } : {}),
    ...(has('tip') ? { total_tip_received: `${random.int(1, 5)}.00` } : {}),
    inventory_behaviour: 'decrement_obeying_policy',
    tags: ['simulated', how.orderCase],
  };
}

function addressOf(firstName: string | null, lastName: string | null) {
  return {
    first_name: firstName,
    last_name: lastName,
    address1: '12 Market Street',
    city: 'Philadelphia',
    province_code: 'PA',
    country_code: 'US',
    zip: '19106',
  };
}

/** Two or three goods (first line 2+ units, so part of it can be refunded, returned or edited). */
function lineItems(shop: SimulatedShop, random: Random, taxesIncluded: boolean, giftCard: boolean) {
  const start = random.int(0, shop.goods.length - 1);
  const count = random.int(2, 3);
  // Sales tax on top in the US; VAT included in the price (the BC connector's EUR order: 21%).
  const tax = taxesIncluded ? { title: 'VAT', rate: '0.2' } : { title: 'NY State Tax', rate: '0.04' };
  const lines: RestLineItemInput[] = Array.from({ length: count }, (_, i) => ({
    variant_id: shop.goods[(start + i) % shop.goods.length]!.id,
    quantity: i === 0 ? random.int(2, 3) : random.int(1, 2),
    tax_lines: [tax],
  }));
  if (giftCard) lines.push({ variant_id: shop.giftCard.id, quantity: 1, gift_card: true });
  return lines;
}

const lineDiscountApplication = {
  target_type: 'line_item' as const,
  type: 'manual' as const,
  value: '2.0',
  value_type: 'fixed_amount' as const,
  allocation_method: 'one' as const,
  target_selection: 'explicit' as const,
  title: 'Loyal customer',
  description: 'Loyal customer',
};

function withLineDiscount(lines: RestLineItemInput[]): RestLineItemInput[] {
  return lines.map((line, index) =>
    index === 0
      ? { ...line, discount_allocations: [{ amount: '2.00', discount_application_index: 0 }] }
      : line,
  );
}

/** Web: card (shopify_payments); POS: cash; a gift card pays part when one is applied. */
function pay(state: ShopState, order: Order, orderCase: OrderCase, traits: OrderTrait[], pos: boolean) {
  if (orderCase === 'cancel-unpaid' || orderCase === 'b2b-pay-later') return;
  const currency = order.presentmentCurrency;
  let due = orderTotals(order).totalOutstanding.presentment;
  if (traits.includes('gift-card-applied') && due > 0) {
    const fromGiftCard = Math.min(due, 1000);
    createTransaction(state, order.id, {
      kind: 'sale',
      gateway: 'gift_card',
      amount: formatMinor(fromGiftCard, currency),
      currency,
    });
    due -= fromGiftCard;
  }
  if (due <= 0) return;
  const kind = orderCase === 'authorize-capture' ? 'authorization' : 'sale';
  const gateway = pos ? 'cash' : 'shopify_payments';
  createTransaction(state, order.id, { kind, gateway, amount: formatMinor(due, currency), currency });
}
