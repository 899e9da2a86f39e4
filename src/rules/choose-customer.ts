import type { Address, Order } from '../domain/order.ts';
import type { ShopSettings } from '../shops/index.ts';

/**
 * Which back-office customer an order is sold to: seed 002 "How the connector chooses which
 * customer to use", and its B2B equivalent with the company fields. Pure: every lookup (links,
 * email, phone, bill-to address) is done beforehand and handed in as `matches`.
 */
export type CustomerChoiceSettings = Pick<
  ShopSettings,
  | 'autoCreateUnknownCustomers'
  | 'customerImport'
  | 'customerMappingType'
  | 'defaultCustomerNo'
  | 'customerTemplateCode'
  | 'customerTemplates'
  | 'companyImport'
  | 'companyMappingType'
  | 'defaultCompanyNo'
  | 'companyTemplateCode'
>;

/** Customer nos. the lookups found; absent when nothing matched (or the order had nothing to look up). */
export interface CustomerMatches {
  /** Linked earlier to the order's Shopify customer (or, for B2B, company) id: seed 002 "by ID". */
  byShopifyId?: string | undefined;
  byEmail?: string | undefined;
  byPhone?: string | undefined;
  byBillTo?: string | undefined;
}

/** Why the customer was chosen, for the document's audit and for tests. */
export type ChoiceReason =
  | 'assigned_by_operator'
  | 'country_template_default'
  | 'default_customer'
  | 'default_company'
  | 'shopify_id'
  | 'email'
  | 'phone'
  | 'bill_to_info'
  | 'created_from_template';

/** The Shopify customer or company a choice should be remembered for, so the next order finds it "by ID". */
export interface ShopifyLink {
  kind: 'customer' | 'company';
  shopifyId: string;
}

export interface NewCustomer {
  name: string;
  email: string | null;
  phone: string | null;
  billingAddress: Address | null;
  shippingAddress: Address | null;
}

export type CustomerChoice =
  | { kind: 'existing'; customerNo: string; reason: ChoiceReason; link: ShopifyLink | null }
  | {
      kind: 'create';
      templateCode: string;
      customer: NewCustomer;
      reason: 'created_from_template';
      link: ShopifyLink | null;
    };

export type CustomerChoiceOutcome =
  | { ok: true; choice: CustomerChoice }
  | { ok: false; error: { code: 'customer_not_found'; message: string } };

export function chooseCustomer(
  order: Order,
  settings: CustomerChoiceSettings,
  matches: CustomerMatches,
): CustomerChoiceOutcome {
  return order.company ? chooseCompany(order, settings, matches) : choosePerson(order, settings, matches);
}

function choosePerson(
  order: Order,
  settings: CustomerChoiceSettings,
  matches: CustomerMatches,
): CustomerChoiceOutcome {
  // seed 002 step 1: the ship-to country's template default wins "regardless of the settings".
  const shipTo = order.shippingAddress?.countryCode?.toUpperCase();
  const countryDefault = settings.customerTemplates.find((t) => t.countryCode === shipTo)?.defaultCustomerNo;
  if (countryDefault) return existing(countryDefault, 'country_template_default', null);
  // seed 002 step 2: import "None" with a default customer uses it.
  if (settings.customerImport === 'none' && settings.defaultCustomerNo)
    return existing(settings.defaultCustomerNo, 'default_customer', null);
  if (settings.customerMappingType === 'default_customer' && settings.defaultCustomerNo)
    return existing(settings.defaultCustomerNo, 'default_customer', null);
  const link: ShopifyLink | null = order.customer
    ? { kind: 'customer', shopifyId: order.customer.shopifyId }
    : null;
  const found = firstMatch(
    matches,
    settings.customerMappingType === 'by_bill_to_info' ? billToOrder : emailPhoneOrder,
  );
  if (found) return existing(found.customerNo, found.reason, found.reason === 'shopify_id' ? null : link);
  return create(order, settings, link, personTemplate(order, settings));
}

/** seed 002: "For B2B orders, the flow is similar"; there is no per-country default company. */
function chooseCompany(
  order: Order,
  settings: CustomerChoiceSettings,
  matches: CustomerMatches,
): CustomerChoiceOutcome {
  const defaultCompany = settings.defaultCompanyNo;
  if (
    defaultCompany &&
    (settings.companyImport === 'none' || settings.companyMappingType === 'default_company')
  )
    return existing(defaultCompany, 'default_company', null);
  const link: ShopifyLink = { kind: 'company', shopifyId: order.company!.shopifyId };
  // by_tax_id: the order carries no tax id to compare, so only the id link can match before creating.
  const lookups = settings.companyMappingType === 'by_email_phone' ? emailPhoneOrder : idOnly;
  const found = firstMatch(matches, lookups);
  if (found) return existing(found.customerNo, found.reason, found.reason === 'shopify_id' ? null : link);
  return create(order, settings, link, settings.companyTemplateCode);
}

const emailPhoneOrder = ['shopify_id', 'email', 'phone'] as const;
const billToOrder = ['shopify_id', 'bill_to_info'] as const;
const idOnly = ['shopify_id'] as const;

type MatchReason = 'shopify_id' | 'email' | 'phone' | 'bill_to_info';
const matchField: Record<MatchReason, keyof CustomerMatches> = {
  shopify_id: 'byShopifyId',
  email: 'byEmail',
  phone: 'byPhone',
  bill_to_info: 'byBillTo',
};

function firstMatch(
  matches: CustomerMatches,
  reasons: readonly MatchReason[],
): { customerNo: string; reason: MatchReason } | undefined {
  for (const reason of reasons) {
    const customerNo = matches[matchField[reason]];
    if (customerNo) return { customerNo, reason };
  }
  return undefined;
}

/** The template of the bill-to (then ship-to) country, else the shop's template. */
function personTemplate(order: Order, settings: CustomerChoiceSettings): string | undefined {
  const countries = [order.billingAddress?.countryCode, order.shippingAddress?.countryCode];
  for (const country of countries) {
    const template = settings.customerTemplates.find((t) => t.countryCode === country?.toUpperCase());
    if (template) return template.templateCode;
  }
  return settings.customerTemplateCode;
}

function create(
  order: Order,
  settings: CustomerChoiceSettings,
  link: ShopifyLink | null,
  templateCode: string | undefined,
): CustomerChoiceOutcome {
  const why = cannotCreate(order, settings, templateCode);
  if (why || !templateCode) return notFound(order, settings, why ?? 'no customer template applies');
  const customer = customerFromOrder(order);
  return {
    ok: true,
    choice: { kind: 'create', templateCode, customer, reason: 'created_from_template', link },
  };
}

function cannotCreate(
  order: Order,
  settings: CustomerChoiceSettings,
  templateCode: string | undefined,
): string | null {
  if (!settings.autoCreateUnknownCustomers) return 'creating customers is off (autoCreateUnknownCustomers)';
  if (!templateCode)
    return order.company
      ? 'no company template is set (companyTemplateCode)'
      : 'no customer template applies (customerTemplates, customerTemplateCode)';
  // seed 002: "The Shopify customer must have at least one address."
  if (!order.billingAddress && !order.shippingAddress)
    return 'the order has no address to create the customer from';
  return null;
}

/** A new customer from the order's bill-to information (seed 002: sell-to = bill-to). */
export function customerFromOrder(order: Order): NewCustomer {
  const address = order.billingAddress ?? order.shippingAddress;
  const person = [order.customer?.firstName, order.customer?.lastName].filter(Boolean).join(' ');
  const name =
    order.company?.name ?? address?.company ?? address?.name ?? (person || order.email || order.name);
  return {
    name,
    email: order.customer?.email ?? order.email,
    phone: order.customer?.phone ?? order.phone ?? address?.phone ?? null,
    billingAddress: order.billingAddress,
    shippingAddress: order.shippingAddress,
  };
}

function existing(customerNo: string, reason: ChoiceReason, link: ShopifyLink | null): CustomerChoiceOutcome {
  return { ok: true, choice: { kind: 'existing', customerNo, reason, link } };
}

function notFound(order: Order, settings: CustomerChoiceSettings, why: string): CustomerChoiceOutcome {
  const who = order.company
    ? `company "${order.company.name}" (Shopify company ${order.company.shopifyId}, mapping ${settings.companyMappingType})`
    : `${describeBuyer(order)} (mapping ${settings.customerMappingType})`;
  const shopifyId = order.company?.shopifyId ?? order.customer?.shopifyId;
  const message =
    `Order ${order.name}: no customer found for ${who}; ${why}. Fix it in one of three ways (seed 002 ` +
    `"Manage missing customers"): 1) assign an existing customer no. to the order and import it again; ` +
    `2) choose a customer template and create the customer from the order (it needs at least one address); ` +
    `3) map an existing customer to the Shopify ${order.company ? 'company' : 'customer'}` +
    `${shopifyId ? ` ${shopifyId}` : ''} and import it again.`;
  return { ok: false, error: { code: 'customer_not_found', message } };
}

function describeBuyer(order: Order): string {
  const contact = order.customer?.email ?? order.email ?? order.customer?.phone ?? order.phone;
  const id = order.customer ? `Shopify customer ${order.customer.shopifyId}` : 'no Shopify customer';
  return contact ? `${contact} (${id})` : id;
}
