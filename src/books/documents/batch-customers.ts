import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { Address, Order } from '../../domain/order.ts';
import {
  billToKey,
  createCustomerWithMatchKeys,
  emailKey,
  findCustomerByBillToAddress,
  findCustomerByEmail,
  findCustomerByPhone,
  findCustomersByBillToAddresses,
  findCustomersByEmails,
  findCustomersByNos,
  findCustomersByPhones,
  phoneKey,
  type Customer,
  type CustomerMatchKeys,
} from '../../masterdata/index.ts';
import type {
  CustomerChoiceSettings,
  CustomerMatches,
  NewCustomer,
  ShopifyLink,
} from '../../rules/choose-customer.ts';
import { findLinkedCustomers, linkKey } from '../customers/customer-links.ts';
import { nextNumber } from '../numbering.ts';

type Db = Kysely<Database>;

/** What an order's customer is looked up by; null where the order has nothing, or the rule will not ask. */
interface LookupValues {
  link: ShopifyLink | null;
  email: string | null;
  phone: string | null;
  billTo: Address | null;
}

/**
 * seed 002's lookups for one order. Only those the mapping type lets choose-customer use are
 * made (email/phone for "by email/phone", bill-to for "by bill-to info"): the bill-to lookup
 * reads every customer's addresses, and its answer would not change the choice otherwise.
 */
function lookupValues(order: Order, shop: CustomerChoiceSettings): LookupValues {
  const link: ShopifyLink | null = order.company
    ? { kind: 'company', shopifyId: order.company.shopifyId }
    : order.customer && { kind: 'customer', shopifyId: order.customer.shopifyId };
  const byEmailPhone = order.company
    ? shop.companyMappingType === 'by_email_phone'
    : shop.customerMappingType !== 'by_bill_to_info';
  const email = order.customer?.email ?? order.email;
  const phone = order.customer?.phone ?? order.phone ?? order.billingAddress?.phone ?? null;
  return {
    link,
    email: byEmailPhone && email ? email : null,
    phone: byEmailPhone && phone ? phone : null,
    billTo: !order.company && shop.customerMappingType === 'by_bill_to_info' ? order.billingAddress : null,
  };
}

interface Found {
  links: Map<string, string>;
  byEmail: Map<string, Customer>;
  byPhone: Map<string, Customer>;
  byBillTo: Map<string, Customer>;
  byNo: Map<string, Customer>;
}

/** The lookups of every order that will ask, one statement per kind, and the customers they and the settings name. */
export async function loadBatchCustomers(
  db: Db,
  shop: CustomerChoiceSettings & { code: string },
  input: { lookups: readonly Order[]; assignedNos: readonly string[] },
): Promise<BatchCustomers> {
  const wanted = input.lookups.map((order) => lookupValues(order, shop));
  const values = <K extends keyof LookupValues>(key: K) =>
    wanted.flatMap((w) => (w[key] === null ? [] : [w[key] as NonNullable<LookupValues[K]>]));
  const links = await findLinkedCustomers(db, shop.code, values('link'));
  const byEmail = await findCustomersByEmails(db, values('email'));
  const byPhone = await findCustomersByPhones(db, values('phone'));
  const byBillTo = await findCustomersByBillToAddresses(db, values('billTo'));
  const known = new Map(
    [...byEmail.values(), ...byPhone.values(), ...byBillTo.values()].map((c) => [c.no, c]),
  );
  const named = [...input.assignedNos, ...defaultNos(shop), ...links.values()];
  const byNo = await findCustomersByNos(
    db,
    named.filter((no) => !known.has(no)),
  );
  for (const [no, customer] of known) byNo.set(no, customer);
  return new BatchCustomers(db, shop, { links, byEmail, byPhone, byBillTo, byNo });
}

/** Customer nos. the settings alone can choose (seed 002 defaults). */
function defaultNos(shop: CustomerChoiceSettings): string[] {
  const nos = [
    shop.defaultCustomerNo,
    shop.defaultCompanyNo,
    ...shop.customerTemplates.map((t) => t.defaultCustomerNo),
  ];
  return nos.filter((no): no is string => no !== undefined);
}

/**
 * The customers as each order of a batch would see them imported on its own after the ones before
 * it: what the batch's lookups found, plus what earlier orders wrote (customers created, Shopify
 * ids linked). Links are kept here and written once (`linksToWrite`); created customers are
 * written at once (rare, two statements each).
 */
export class BatchCustomers {
  readonly linksToWrite: Array<{ link: ShopifyLink; customerNo: string }> = [];
  private readonly created: Array<{ no: string; keys: CustomerMatchKeys }> = [];

  constructor(
    private readonly db: Db,
    private readonly shop: CustomerChoiceSettings,
    private readonly found: Found,
  ) {}

  /** The lookups' answers for this order, as choose-customer takes them. */
  async matches(order: Order): Promise<CustomerMatches> {
    const { link, email, phone, billTo } = lookupValues(order, this.shop);
    return {
      byShopifyId: link ? this.found.links.get(linkKey(link)) : undefined,
      byEmail:
        email === null
          ? undefined
          : await this.lowest(
              this.found.byEmail.get(emailKey(email)),
              (keys) => keys.email === emailKey(email),
              () => findCustomerByEmail(this.db, email),
            ),
      byPhone:
        phone === null
          ? undefined
          : await this.lowest(
              this.found.byPhone.get(phoneKey(phone)),
              (keys) => keys.phone === phoneKey(phone),
              () => findCustomerByPhone(this.db, phone),
            ),
      byBillTo:
        billTo === null
          ? undefined
          : await this.lowest(
              this.found.byBillTo.get(billToKey(billTo)),
              (keys) => keys.billTo.includes(billToKey(billTo)),
              () => findCustomerByBillToAddress(this.db, billTo),
            ),
    };
  }

  /** The customer with this no., as findCustomerByNo would find it now. */
  customer(no: string): Customer | undefined {
    return this.found.byNo.get(no);
  }

  /** Creates the customer with the next "customer" number, as the one-order path does. */
  async create(customer: NewCustomer): Promise<string> {
    const no = await nextNumber(this.db, 'customer');
    const stored = await createCustomerWithMatchKeys(this.db, { no, ...customer });
    this.found.byNo.set(no, stored.customer);
    this.created.push({ no, keys: stored.keys });
    return no;
  }

  /** Remembers the link for later orders of the batch and for writing. */
  link(link: ShopifyLink, customerNo: string): void {
    this.found.links.set(linkKey(link), customerNo);
    this.linksToWrite.push({ link, customerNo });
  }

  /**
   * What the lookup would answer now: the batch's answer, unless a customer created since would
   * be found too. A sole candidate is the answer; between several, the database orders the nos.
   * (its collation), so it is asked again; the created customers are already written.
   */
  private async lowest(
    preloaded: Customer | undefined,
    wouldFind: (keys: CustomerMatchKeys) => boolean,
    lookUp: () => Promise<Customer | undefined>,
  ): Promise<string | undefined> {
    const created = this.created.filter((candidate) => wouldFind(candidate.keys));
    if (created.length === 0) return preloaded?.no;
    if (!preloaded && created.length === 1) return created[0]!.no;
    const customer = await lookUp();
    if (customer) this.found.byNo.set(customer.no, customer);
    return customer?.no;
  }
}
