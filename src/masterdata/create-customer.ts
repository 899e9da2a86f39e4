import { ConflictError } from '../shared/errors.ts';
import { customersRepository, findCustomerByNo } from './customers-repository.ts';
import { normalizePhone } from './fields.ts';
import type { Queryable } from './repository.ts';
import type { Customer } from './types.ts';

/**
 * Creates one customer, e.g. from a Shopify order's bill-to information when no existing customer
 * matches (seed 002 "create from template"). The caller assigns the no. and passes its
 * transaction; an existing no. is refused rather than overwritten (an import would update it).
 */
export async function createCustomer(db: Queryable, customer: Customer): Promise<Customer> {
  if (await findCustomerByNo(db, customer.no))
    throw new ConflictError(`Customer ${customer.no} already exists`);
  const stored: Customer = {
    ...customer,
    name: customer.name.trim(),
    email: customer.email?.trim() || null,
    phone: customer.phone ? normalizePhone(customer.phone) : null,
    billingAddress: upperCountry(customer.billingAddress),
    shippingAddress: upperCountry(customer.shippingAddress),
  };
  await customersRepository.upsert(db, [stored], new Map());
  return stored;
}

function upperCountry(address: Customer['billingAddress']): Customer['billingAddress'] {
  return address && { ...address, countryCode: address.countryCode?.toUpperCase() ?? null };
}
