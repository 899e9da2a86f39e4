import { ConflictError } from '../shared/errors.ts';
import { matchKeySelections, matchKeysOf, type CustomerMatchKeys } from './customer-lookups.ts';
import {
  customerFromRow,
  customersRepository,
  customerToRow,
  findCustomerByNo,
} from './customers-repository.ts';
import { normalizePhone } from './fields.ts';
import type { Queryable } from './repository.ts';
import type { Customer } from './types.ts';

/**
 * Creates one customer, e.g. from a Shopify order's bill-to information when no existing customer
 * matches (seed 002 "create from template"). The caller assigns the no. and passes its
 * transaction; an existing no. is refused rather than overwritten (an import would update it).
 */
export async function createCustomer(db: Queryable, customer: Customer): Promise<Customer> {
  if (await findCustomerByNo(db, customer.no)) throw alreadyExists(customer.no);
  const stored = storedForm(customer);
  await customersRepository.upsert(db, [stored], new Map());
  return stored;
}

/**
 * createCustomer in one statement, answering the customer as stored and the keys the lookups
 * would find it by: an import batch creating a customer must know whether its later orders find
 * it (by email, phone or bill-to address) without asking the database once per order.
 */
export async function createCustomerWithMatchKeys(
  db: Queryable,
  customer: Customer,
): Promise<{ customer: Customer; keys: CustomerMatchKeys }> {
  const row = await db
    .insertInto('customers')
    .values(customerToRow(storedForm(customer)))
    .onConflict((conflict) => conflict.column('no').doNothing())
    .returningAll()
    .returning(matchKeySelections())
    .executeTakeFirst();
  if (!row) throw alreadyExists(customer.no);
  return { customer: customerFromRow(row), keys: matchKeysOf(row) };
}

function alreadyExists(no: string): ConflictError {
  return new ConflictError(`Customer ${no} already exists`);
}

function storedForm(customer: Customer): Customer {
  return {
    ...customer,
    name: customer.name.trim(),
    email: customer.email?.trim() || null,
    phone: customer.phone ? normalizePhone(customer.phone) : null,
    billingAddress: upperCountry(customer.billingAddress),
    shippingAddress: upperCountry(customer.shippingAddress),
  };
}

function upperCountry(address: Customer['billingAddress']): Customer['billingAddress'] {
  return address && { ...address, countryCode: address.countryCode?.toUpperCase() ?? null };
}
