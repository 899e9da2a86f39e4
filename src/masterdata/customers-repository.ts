import { sql, type RawBuilder } from 'kysely';
import type { CustomerAddressRecord, CustomerRow } from '../db/index.ts';
import { chunks, type MasterDataRepository, type Queryable } from './repository.ts';
import { normalizePhone } from './fields.ts';
import type { Customer, CustomerAddress } from './types.ts';

/** Rebuilt field by field: jsonb stores keys in its own order, and listings should read naturally. */
function addressFromRecord(
  records: readonly CustomerAddressRecord[],
  kind: CustomerAddressRecord['kind'],
): CustomerAddress | null {
  const record = records.find((candidate) => candidate.kind === kind);
  if (!record) return null;
  return {
    name: record.name ?? null,
    company: record.company ?? null,
    address1: record.address1 ?? null,
    address2: record.address2 ?? null,
    city: record.city ?? null,
    province: record.province ?? null,
    zip: record.zip ?? null,
    countryCode: record.countryCode ?? null,
    phone: record.phone ?? null,
  };
}

export function customerFromRow(row: CustomerRow): Customer {
  return {
    no: row.no,
    name: row.name,
    email: row.email,
    phone: row.phone,
    billingAddress: addressFromRecord(row.addresses, 'billing'),
    shippingAddress: addressFromRecord(row.addresses, 'shipping'),
  };
}

function addressRecords(customer: Customer): CustomerAddressRecord[] {
  const records: Array<[CustomerAddressRecord['kind'], CustomerAddress | null]> = [
    ['billing', customer.billingAddress],
    ['shipping', customer.shippingAddress],
  ];
  return records.flatMap(([kind, address]) => (address ? [{ kind, ...address }] : []));
}

export function customerToRow(customer: Customer) {
  return {
    no: customer.no,
    name: customer.name,
    email: customer.email,
    phone: customer.phone,
    addresses: JSON.stringify(addressRecords(customer)),
  };
}

export const customersRepository: MasterDataRepository<Customer> = {
  async findByKeys(db, nos) {
    if (nos.length === 0) return new Map();
    const rows = await db.selectFrom('customers').selectAll().where('no', 'in', nos).execute();
    return new Map(rows.map((row) => [row.no, customerFromRow(row)]));
  },

  async upsert(db, customers) {
    for (const chunk of chunks(customers)) {
      await db
        .insertInto('customers')
        .values(chunk.map(customerToRow))
        .onConflict((conflict) =>
          conflict.column('no').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            email: eb.ref('excluded.email'),
            phone: eb.ref('excluded.phone'),
            addresses: eb.ref('excluded.addresses'),
            updated_at: sql<Date>`now()`,
          })),
        )
        .execute();
    }
  },

  async list(db) {
    const rows = await db.selectFrom('customers').selectAll().orderBy('no').execute();
    return rows.map(customerFromRow);
  },
};

/**
 * The customer with this email, ignoring case (Shopify keeps an order's email as typed).
 * Emails are not unique in the back office; when several customers share one, the lowest no. wins
 * so that repeated imports of an order always pick the same customer.
 */
export async function findCustomerByEmail(db: Queryable, email: string): Promise<Customer | undefined> {
  const row = await db
    .selectFrom('customers')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .orderBy('no')
    .executeTakeFirst();
  return row && customerFromRow(row);
}

/** The customer with this phone, compared as `+` and digits; the lowest no. wins, as for email. */
export async function findCustomerByPhone(db: Queryable, phone: string): Promise<Customer | undefined> {
  const row = await db
    .selectFrom('customers')
    .selectAll()
    .where('phone', '=', normalizePhone(phone))
    .orderBy('no')
    .executeTakeFirst();
  return row && customerFromRow(row);
}

export async function findCustomerByNo(db: Queryable, no: string): Promise<Customer | undefined> {
  const row = await db.selectFrom('customers').selectAll().where('no', '=', no).executeTakeFirst();
  return row && customerFromRow(row);
}

/**
 * The customer whose billing address is this bill-to address (seed 002 "By Bill-to Info"):
 * name, address line 1, zip, city and country compared ignoring case and runs of spaces (a name
 * typed at checkout as "Alan  Turing " is the master data's "Alan Turing"); a missing value is ''.
 * The lowest no. wins, as for email.
 */
export async function findCustomerByBillToAddress(
  db: Queryable,
  address: CustomerAddress,
): Promise<Customer | undefined> {
  const same = billToKeys.map(
    (key) => sql`${comparableSql(sql`addr ->> ${key}`)} = ${comparable(address[key])}`,
  );
  const row = await db
    .selectFrom('customers')
    .selectAll()
    .where(
      sql<boolean>`exists (select 1 from jsonb_array_elements(customers.addresses) as a(addr)
        where addr ->> 'kind' = 'billing' and ${sql.join(same, sql` and `)})`,
    )
    .orderBy('no')
    .executeTakeFirst();
  return row && customerFromRow(row);
}

/** The billing address fields "By Bill-to Info" compares, in this order. */
export const billToKeys = ['name', 'address1', 'zip', 'city', 'countryCode'] as const;

/** An order's bill-to fields as the lookups compare them: lower case, spaces collapsed, missing is ''. */
export function billToFields(address: CustomerAddress): string[] {
  return billToKeys.map((key) => comparable(address[key]));
}

/** A bill-to field as findCustomerByBillToAddress compares it: lower case, spaces collapsed. */
function comparable(value: string | null): string {
  return (value ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * The stored side of the comparison, done by the database (its lower() and [[:space:]] follow the
 * database's locale, which JavaScript cannot reproduce exactly): every bill-to lookup uses this.
 */
export function comparableSql(value: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`regexp_replace(lower(trim(coalesce(${value}, ''))), '[[:space:]]+', ' ', 'g')`;
}
