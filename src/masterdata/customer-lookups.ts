import { sql } from 'kysely';
import type { CustomerRow } from '../db/index.ts';
import {
  billToFields,
  billToKeys,
  comparableSql,
  customerFromRow,
  customersRepository,
} from './customers-repository.ts';
import { normalizePhone } from './fields.ts';
import type { Queryable } from './repository.ts';
import type { Customer, CustomerAddress } from './types.ts';

/**
 * The customer lookups for many orders at once (an import batch): one statement per kind instead
 * of one per order, with exactly the matching of findCustomerByEmail / ...Phone / ...BillToAddress
 * and the same "lowest no. wins" (the database orders the nos., so its collation decides).
 * Each answers a map keyed by the value's comparable form: emailKey, phoneKey, billToKey.
 */

/** An email as findCustomerByEmail compares it. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** A phone as findCustomerByPhone compares it. */
export function phoneKey(phone: string): string {
  return normalizePhone(phone);
}

/** A bill-to address as findCustomerByBillToAddress compares it (its five fields, normalized). */
export function billToKey(address: CustomerAddress): string {
  return JSON.stringify(billToFields(address));
}

export function findCustomersByNos(db: Queryable, nos: readonly string[]): Promise<Map<string, Customer>> {
  return customersRepository.findByKeys(db, [...new Set(nos)]);
}

export async function findCustomersByEmails(
  db: Queryable,
  emails: readonly string[],
): Promise<Map<string, Customer>> {
  const keys = [...new Set(emails.map(emailKey))];
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('customers')
    .selectAll()
    .select(sql<string>`lower(email)`.as('match_key'))
    .where(sql<string>`lower(email)`, 'in', keys)
    .orderBy('no')
    .execute();
  return lowestPerKey(rows);
}

export async function findCustomersByPhones(
  db: Queryable,
  phones: readonly string[],
): Promise<Map<string, Customer>> {
  const keys = [...new Set(phones.map(phoneKey))];
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('customers')
    .selectAll()
    .select(sql<string>`phone`.as('match_key'))
    .where('phone', 'in', keys)
    .orderBy('no')
    .execute();
  return lowestPerKey(rows);
}

/**
 * Normalizes every billing address once and joins the wanted keys against them: one pass over
 * customers for the whole batch, where an exists() per key would rescan them for every order.
 */
export async function findCustomersByBillToAddresses(
  db: Queryable,
  addresses: readonly CustomerAddress[],
): Promise<Map<string, Customer>> {
  const keys = [...new Set(addresses.map(billToKey))];
  if (keys.length === 0) return new Map();
  const wanted = keys.map((key) => ({ key, fields: JSON.parse(key) as string[] }));
  const fieldNames = billToKeys.map((_, index) => `f${index}`);
  const rows = await sql<CustomerRow & { match_key: string }>`
    select k.key as match_key, c.*
    from jsonb_to_recordset(${JSON.stringify(wanted.map(asRecord))}::jsonb)
      as k(key text, ${sql.raw(fieldNames.map((name) => `${name} text`).join(', '))})
    join (
      select customers.no, ${sql.join(normalizedBillTo(fieldNames))}
      from customers cross join lateral jsonb_array_elements(customers.addresses) as a(addr)
      where addr ->> 'kind' = 'billing'
    ) as b on ${sql.join(
      fieldNames.map((name) => sql`b.${sql.ref(name)} = k.${sql.ref(name)}`),
      sql` and `,
    )}
    join customers as c on c.no = b.no
    order by c.no`.execute(db);
  return lowestPerKey(rows.rows);
}

function asRecord({ key, fields }: { key: string; fields: string[] }): Record<string, string> {
  return Object.fromEntries([['key', key], ...fields.map((value, index) => [`f${index}`, value])]);
}

function normalizedBillTo(names: readonly string[]) {
  return billToKeys.map(
    (key, index) => sql`${comparableSql(sql`addr ->> ${key}`)} as ${sql.ref(names[index]!)}`,
  );
}

/** Rows come ordered by no.: the first one per key is the lowest. */
function lowestPerKey(rows: ReadonlyArray<CustomerRow & { match_key: string }>): Map<string, Customer> {
  const found = new Map<string, Customer>();
  for (const row of rows) if (!found.has(row.match_key)) found.set(row.match_key, customerFromRow(row));
  return found;
}

/** The keys a customer is found by, computed by the database as the lookups compare them. */
export interface CustomerMatchKeys {
  email: string | null;
  phone: string | null;
  /** One billToKey per billing address. */
  billTo: string[];
}

/** Selections giving a customers row's match keys (see matchKeysOf), for select or returning. */
export function matchKeySelections() {
  const fields = billToKeys.map((key) => comparableSql(sql`addr ->> ${key}`));
  return [
    sql<string | null>`lower(customers.email)`.as('email_key'),
    sql<string[][]>`(select coalesce(jsonb_agg(jsonb_build_array(${sql.join(fields)})), '[]'::jsonb)
      from jsonb_array_elements(customers.addresses) as a(addr) where addr ->> 'kind' = 'billing')`.as(
      'bill_to_keys',
    ),
  ] as const;
}

export function matchKeysOf(row: {
  email_key: string | null;
  phone: string | null;
  bill_to_keys: string[][];
}): CustomerMatchKeys {
  return {
    email: row.email_key,
    phone: row.phone,
    billTo: row.bill_to_keys.map((fields) => JSON.stringify(fields)),
  };
}
