/**
 * Shopify's documentation test shop (jsmith.myshopify.com), rebuilt through the emulator's
 * own commands so recorded REST pairs can be replayed against it. Values come from the
 * request/response pairs in shared/shopify/fixtures/shopify-app-js-rest-2025-10.
 */
import {
  createCustomer,
  createLocation,
  createOrder,
  createProduct,
  createRefund,
  createShopState,
  type Order,
  type ShopState,
} from '../../src/domain/index.ts';

export interface MovableClock {
  (): Date;
  set(iso: string): void;
  advance(seconds: number): void;
}

export function movableClock(start: string): MovableClock {
  let now = new Date(start);
  const clock = (() => new Date(now.getTime())) as MovableClock;
  clock.set = (iso) => {
    now = new Date(iso);
  };
  clock.advance = (seconds) => {
    now = new Date(now.getTime() + seconds * 1000);
  };
  return clock;
}

export const exampleIds = {
  order: 450789469,
  lines: { green: 466157049, red: 518995019, black: 703073504 },
  shippingLine: 369256396,
  authorization: 389404469,
  capture: 801038806,
  customer: 207119551,
  locations: { rideau: 655441491, fifthAvenue: 487838322, shipwire: 24826418, cupertino: 844681632 },
  variants: { green: 39072856, red: 49148385, black: 457924702, pink: 808950810, plain: 447654529 },
} as const;

export function exampleShop(): { state: ShopState; clock: MovableClock } {
  const clock = movableClock('2008-01-10T16:00:00Z');
  const state = createShopState({ clock });
  const { locations, variants } = exampleIds;
  createLocation(state, {
    id: locations.rideau,
    name: '50 Rideau Street',
    address1: '50 Rideau Street',
    city: 'Ottawa',
    zip: 'K1N 9J7',
    province: 'Ontario',
    province_code: 'ON',
    country: 'CA',
    country_code: 'CA',
  });
  createLocation(state, {
    id: locations.shipwire,
    name: 'Apple Api Shipwire',
    country: 'DE',
    country_code: 'DE',
    legacy: true,
  });
  createLocation(state, {
    id: locations.cupertino,
    name: 'Apple Cupertino',
    country: 'US',
    country_code: 'US',
  });
  createLocation(state, {
    id: 611870435,
    name: 'Apple Shipwire',
    country: 'DE',
    country_code: 'DE',
    legacy: true,
  });
  createLocation(state, {
    id: locations.fifthAvenue,
    name: 'Fifth Avenue AppleStore',
    country: 'US',
    country_code: 'US',
  });
  const stock = (atFifth: number, atRideau: number) => [
    { locationId: locations.fifthAvenue, available: atFifth },
    { locationId: locations.rideau, available: atRideau },
  ];
  // Shopify's example data uses the variant id as inventory item id.
  const variant = (
    id: number,
    title: string,
    sku: string,
    inventory: { locationId: number; available: number }[],
  ) => ({
    id,
    inventoryItemId: id,
    title,
    sku,
    price: '199.00',
    grams: 200,
    inventory,
  });
  createProduct(state, {
    id: 632910392,
    title: 'IPod Nano - 8gb',
    variants: [
      variant(variants.pink, 'Pink', 'IPOD2008PINK', stock(9, 1)),
      variant(variants.red, 'red', 'IPOD2008RED', stock(18, 2)),
      variant(variants.green, 'green', 'IPOD2008GREEN', stock(27, 3)),
      variant(variants.black, 'black', 'IPOD2008BLACK', stock(36, 4)),
    ],
  });
  createProduct(state, {
    id: 921728736,
    title: 'IPod Touch 8GB',
    variants: [variant(variants.plain, 'Black', 'IPOD2009BLACK', [])],
  });
  createCustomer(state, {
    id: exampleIds.customer,
    email: 'bob.norman@mail.example.com',
    firstName: 'Bob',
    lastName: 'Norman',
    phone: '+16136120707',
  });
  return { state, clock };
}

const bobsAddress = {
  first_name: 'Bob',
  last_name: 'Norman',
  address1: 'Chestnut Street 92',
  address2: '',
  phone: '+1(502)-459-2181',
  city: 'Louisville',
  zip: '40202',
  province: 'Kentucky',
  province_code: 'KY',
  country: 'United States',
  country_code: 'US',
  latitude: 45.41634,
  longitude: -75.6868,
};

/**
 * Order #1001 as Shopify's docs show it: three iPods at 199.00, TENOFF 10.00 across the
 * lines, 3.98 State Tax per line, authorization 598.94 and capture 250.94 through "bogus".
 * `shipping` is 0.00 in the GET order pair and 5.00 in the refund pairs (the docs' shop
 * changed between recordings).
 */
export function placeExampleOrder(state: ShopState, shipping = '0.00'): Order {
  const { lines, variants } = exampleIds;
  const line = (id: number, variantId: number) => ({
    id,
    variant_id: variantId,
    quantity: 1,
    tax_lines: [{ price: '3.98', rate: 0.06, title: 'State Tax' }],
  });
  return createOrder(
    state,
    {
      id: exampleIds.order,
      number: 1,
      email: 'bob.norman@mail.example.com',
      phone: '+557734881234',
      customer: { id: exampleIds.customer },
      billing_address: bobsAddress,
      shipping_address: bobsAddress,
      line_items: [
        line(lines.green, variants.green),
        line(lines.red, variants.red),
        line(lines.black, variants.black),
      ],
      discount_codes: [{ code: 'TENOFF', amount: '10.00', type: 'fixed_amount' }],
      // Bob's order came through checkout, where TENOFF is a real discount code.
      discount_applications: [
        { type: 'discount_code', code: 'TENOFF', value: '10.0', value_type: 'fixed_amount' },
      ],
      shipping_lines: [
        { id: exampleIds.shippingLine, title: 'Free Shipping', code: 'Free Shipping', price: shipping },
      ],
      note_attributes: [
        { name: 'custom engraving', value: 'Happy Birthday' },
        { name: 'colour', value: 'green' },
      ],
      gateway: 'bogus',
      transactions: [
        {
          id: exampleIds.authorization,
          kind: 'authorization',
          amount: '598.94',
          authorization: 'authorization-key',
          processed_at: '2005-08-01T15:57:11Z',
          receipt: { testcase: true, authorization: '123456' },
          payment_details: { credit_card_number: '•••• •••• •••• 4242', credit_card_company: 'Visa' },
        },
        {
          id: exampleIds.capture,
          kind: 'capture',
          amount: '250.94',
          parent_id: exampleIds.authorization,
          authorization: 'authorization-key',
          processed_at: '2005-08-05T14:22:51Z',
        },
      ],
      po_number: 'ABC123',
      reference: 'fhwdgads',
      source_identifier: 'fhwdgads',
      landing_site: 'http://www.example.com?source=abc',
      referring_site: 'http://www.otherexample.com',
    },
    { preserveIds: true },
  );
}

/**
 * The state the docs record: green and black already refunded (restocked) with 209.00
 * given back against capture 801038806, so 41.94 of the capture is left.
 */
export function exampleOrderAfterFirstRefund(shipping = '0.00'): {
  state: ShopState;
  clock: MovableClock;
  order: Order;
} {
  const { state, clock } = exampleShop();
  const order = placeExampleOrder(state, shipping);
  createRefund(state, order.id, {
    note: 'it broke during shipping',
    refundLineItems: [
      {
        lineItemId: exampleIds.lines.black,
        quantity: 1,
        restockType: 'cancel',
        locationId: exampleIds.locations.fifthAvenue,
      },
      {
        lineItemId: exampleIds.lines.green,
        quantity: 1,
        restockType: 'cancel',
        locationId: exampleIds.locations.fifthAvenue,
      },
    ],
    transactions: [{ parentId: exampleIds.capture, amount: '209.00', kind: 'refund' }],
  });
  return { state, clock, order };
}
