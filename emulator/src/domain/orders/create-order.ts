import { addressFromRest } from '../catalog/address.ts';
import { createCustomer, findCustomer } from '../catalog/customers.ts';
import { inventoryMoves, moveItemAt } from '../catalog/inventory.ts';
import { fail } from '../errors.ts';
import { openFulfillmentOrders, locationOfLine } from '../fulfillments/fulfillment-orders.ts';
import { fulfillAllUnits } from '../fulfillments/create-fulfillment.ts';
import { bagFromPresentment, zeroBag, type Currencies } from '../money/bag.ts';
import { parseDecimalToMinor } from '../money/decimal.ts';
import { financialStatuses, type FinancialStatus, type Order, type ShippingLine } from '../model/order.ts';
import type { ShopState } from '../state.ts';
import { allocationsFromInput, applyDiscounts } from './build-discounts.ts';
import { buildLineItem } from './build-line-items.ts';
import { spreadOrderTaxLines, taxLinesFor } from './build-taxes.ts';
import { amountBag, recordTransaction } from './build-transactions.ts';
import { extraOrderAttributes, orderTags } from './order-attributes.ts';
import type { RestOrderInput, RestShippingLineInput } from './order-input.ts';

export interface CreateOrderOptions {
  /** Keep ids given in the input (order, line items, shipping lines, transactions). Default: false. */
  preserveIds?: boolean;
}

/** REST POST /orders.json: builds the order, its money, fulfillment orders and inventory moves. */
export function createOrder(
  state: ShopState,
  input: RestOrderInput,
  options: CreateOrderOptions = {},
): Order {
  const preserveIds = options.preserveIds ?? false;
  checkOrderInput(input);
  const currencies = currenciesFor(state, input);
  const order = newOrder(state, input, currencies, preserveIds);
  order.lineItems = input.line_items.map((line, index) =>
    buildLineItem(state, line, index, currencies, preserveIds),
  );
  order.shippingLines = (input.shipping_lines ?? []).map((line) =>
    buildShippingLine(state, line, currencies, preserveIds),
  );
  priceOrder(order, input, currencies);
  state.data.orders.push(order);
  recordInputTransactions(state, order, input, preserveIds);
  openFulfillmentOrders(state, order, order.lineItems, input.location_id ?? null);
  commitInventory(state, order);
  if (input.fulfillment_status === 'fulfilled' || (input.fulfillments?.length ?? 0) > 0) {
    fulfillAllUnits(state, order, input.fulfillments?.[0]);
  }
  return order;
}

function checkOrderInput(input: RestOrderInput): void {
  if (!Array.isArray(input.line_items) || input.line_items.length === 0) {
    fail('Line items must have at least one line item', ['line_items']);
  }
  if (input.financial_status && !(financialStatuses as readonly string[]).includes(input.financial_status)) {
    fail('Financial status is not included in the list', ['financial_status']);
  }
}

function currenciesFor(state: ShopState, input: RestOrderInput): Currencies {
  const shop = input.currency ?? state.data.shop.currencyCode;
  const presentment = input.presentment_currency ?? shop;
  const rate =
    presentment === shop ? '1' : (input.exchange_rate ?? state.data.shop.exchangeRates[presentment] ?? '1');
  return { shop, presentment, rate };
}

/** Discounts first (they lower the taxable base), then taxes on lines and shipping. */
function priceOrder(order: Order, input: RestOrderInput, currencies: Currencies): void {
  input.line_items.forEach((lineInput, index) => {
    const line = order.lineItems[index];
    if (line) line.discountAllocations = allocationsFromInput(lineInput.discount_allocations, currencies);
  });
  const discounts = applyDiscounts(input, order.lineItems, order.shippingLines, currencies);
  order.discountApplications = discounts.applications;
  order.discountCodes = discounts.codes.map((code) => ({
    ...code,
    amount: codeTotal(order, code.code, code.amount),
  }));
  if (order.taxExempt) return;
  input.line_items.forEach((lineInput, index) => {
    const line = order.lineItems[index];
    if (line) line.taxLines = taxLinesFor(line, lineInput.tax_lines, currencies, order.taxesIncluded);
  });
  input.line_items.forEach((lineInput, index) => {
    const line = order.lineItems[index];
    if (line) line.duties = dutiesFor(lineInput.duties, currencies);
  });
  (input.shipping_lines ?? []).forEach((shippingInput, index) => {
    const line = order.shippingLines[index];
    if (line) line.taxLines = taxLinesFor(line, shippingInput.tax_lines, currencies, order.taxesIncluded);
  });
  const lineTaxesGiven = input.line_items.some((line) => (line.tax_lines?.length ?? 0) > 0);
  if (!lineTaxesGiven && input.tax_lines?.length) {
    spreadOrderTaxLines(order.lineItems, input.tax_lines, currencies, order.taxesIncluded);
  }
}

function codeTotal(order: Order, code: string, computed: { shop: number; presentment: number }) {
  const index = order.discountApplications.findIndex(
    (application) => application.code === code || application.title === code,
  );
  if (index < 0 || computed.presentment !== 0) return computed;
  const allocations = [...order.lineItems, ...order.shippingLines].flatMap((line) =>
    line.discountAllocations.filter((allocation) => allocation.discountApplicationIndex === index),
  );
  return allocations.reduce(
    (sum, allocation) => ({
      shop: sum.shop + allocation.amount.shop,
      presentment: sum.presentment + allocation.amount.presentment,
    }),
    zeroBag,
  );
}

function dutiesFor(inputs: RestOrderInput['line_items'][number]['duties'], currencies: Currencies) {
  return (inputs ?? []).map((duty, index) => ({
    id: duty.id ?? index + 1,
    harmonizedSystemCode: duty.harmonized_system_code ?? null,
    countryCodeOfOrigin: duty.country_code_of_origin ?? null,
    price: bagFromPresentment(parseDecimalToMinor(duty.price, currencies.presentment), currencies),
    taxLines: [],
  }));
}

function buildShippingLine(
  state: ShopState,
  input: RestShippingLineInput,
  currencies: Currencies,
  preserveIds: boolean,
): ShippingLine {
  const line: ShippingLine = {
    id: preserveIds && input.id !== undefined ? state.claimId(input.id) : state.nextId(),
    title: input.title ?? 'Shipping',
    code: input.code ?? input.title ?? null,
    source: input.source ?? 'shopify',
    carrierIdentifier: input.carrier_identifier ?? null,
    price: bagFromPresentment(parseDecimalToMinor(input.price, currencies.presentment), currencies),
    taxLines: [],
    discountAllocations: allocationsFromInput(input.discount_allocations, currencies),
    isRemoved: false,
  };
  return line;
}

function newOrder(
  state: ShopState,
  input: RestOrderInput,
  currencies: Currencies,
  preserveIds: boolean,
): Order {
  const now = state.now();
  const number = preserveIds && input.number !== undefined ? input.number : state.data.nextOrderNumber;
  state.data.nextOrderNumber = Math.max(state.data.nextOrderNumber, number + 1);
  const id = preserveIds && input.id !== undefined ? state.claimId(input.id) : state.nextId();
  return {
    id,
    name: input.name ?? `#${1000 + number}`,
    number,
    token: `${id.toString(16)}${number.toString(16)}`.padEnd(32, '0'),
    email: input.email ?? input.customer?.email ?? null,
    phone: input.phone ?? null,
    createdAt: (preserveIds && input.created_at) || now,
    updatedAt: (preserveIds && input.created_at) || now,
    processedAt: input.processed_at ?? ((preserveIds && input.created_at) || now),
    closedAt: null,
    cancelledAt: null,
    cancelReason: null,
    cancellationStaffNote: null,
    test: input.test ?? false,
    sourceName: input.source_name ?? 'web',
    tags: orderTags(input.tags),
    note: input.note ?? null,
    customAttributes: (input.note_attributes ?? []).map((attribute) => ({
      key: attribute.name,
      value: attribute.value,
    })),
    customerId: resolveCustomer(state, input),
    companyId: input.company_id ?? null,
    billingAddress: addressFromRest(input.billing_address),
    shippingAddress: addressFromRest(input.shipping_address),
    currency: currencies.shop,
    presentmentCurrency: currencies.presentment,
    exchangeRate: currencies.rate,
    taxesIncluded: input.taxes_included ?? false,
    taxExempt: input.tax_exempt ?? false,
    buyerAcceptsMarketing: input.buyer_accepts_marketing ?? false,
    inventoryBehaviour: input.inventory_behaviour ?? 'bypass',
    discountApplications: [],
    discountCodes: [],
    lineItems: [],
    shippingLines: [],
    tip: bagFromPresentment(
      parseDecimalToMinor(input.total_tip_received ?? '0', currencies.presentment),
      currencies,
    ),
    riskLevel: input.risk_level ?? 'LOW',
    financialStatusOverride: initialFinancialStatus(input),
    transactions: [],
    refunds: [],
    fulfillmentOrders: [],
    fulfillments: [],
    returns: [],
    extraAttributes: extraOrderAttributes(input),
  };
}

/**
 * Shopify keeps the financial_status given at creation; without one and without
 * transactions it records "paid" (recorded POST orders.json with only line_items).
 */
function initialFinancialStatus(input: RestOrderInput): FinancialStatus | null {
  if (input.financial_status) return input.financial_status as FinancialStatus;
  return (input.transactions?.length ?? 0) > 0 ? null : 'paid';
}

function resolveCustomer(state: ShopState, input: RestOrderInput): number | null {
  const customer = input.customer;
  if (!customer) return null;
  if (customer.id !== undefined) {
    if (!findCustomer(state, customer.id)) fail('Customer does not exist', ['customer']);
    return customer.id;
  }
  const existing = state.data.customers.find(
    (candidate) => customer.email && candidate.email === customer.email,
  );
  if (existing) return existing.id;
  return createCustomer(state, {
    email: customer.email ?? null,
    firstName: customer.first_name ?? null,
    lastName: customer.last_name ?? null,
    phone: customer.phone ?? null,
  }).id;
}

function recordInputTransactions(
  state: ShopState,
  order: Order,
  input: RestOrderInput,
  preserveIds: boolean,
): void {
  for (const transaction of input.transactions ?? []) {
    recordTransaction(state, order, {
      ...(preserveIds && transaction.id !== undefined ? { id: transaction.id } : {}),
      kind: transaction.kind,
      status: transaction.status ?? 'success',
      amount: amountBag(order, transaction.amount ?? '0'),
      gateway: transaction.gateway ?? input.gateway ?? 'manual',
      parentId: transaction.parent_id ?? null,
      authorization: transaction.authorization ?? null,
      test: transaction.test ?? order.test,
      sourceName: transaction.source_name ?? order.sourceName,
      ...(transaction.receipt ? { receipt: transaction.receipt } : {}),
      ...(transaction.payment_details
        ? {
            creditCard: {
              bin: transaction.payment_details.credit_card_bin ?? null,
              company: transaction.payment_details.credit_card_company ?? null,
              number: transaction.payment_details.credit_card_number ?? null,
            },
          }
        : {}),
      ...(transaction.processed_at ? { processedAt: transaction.processed_at } : {}),
      ...(transaction.created_at ? { createdAt: transaction.created_at } : {}),
    });
  }
}

/** inventory_behaviour other than "bypass" (Shopify's REST default) commits the sold units. */
function commitInventory(state: ShopState, order: Order): void {
  if (order.inventoryBehaviour === 'bypass') return;
  for (const line of order.lineItems) {
    moveItemAt(
      state,
      line.inventoryItemId,
      locationOfLine(order, line.id),
      inventoryMoves.commit(line.quantity),
    );
  }
}
