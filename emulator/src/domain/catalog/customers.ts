import { NotFound } from '../errors.ts';
import type { Address, Company, Customer } from '../model/shop.ts';
import type { ShopState } from '../state.ts';

export interface CustomerInput {
  id?: number;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  note?: string | null;
  tags?: string[];
  taxExempt?: boolean;
  addresses?: Address[];
}

export function createCustomer(state: ShopState, input: CustomerInput): Customer {
  const now = state.now();
  const customer: Customer = {
    id: input.id === undefined ? state.nextId() : state.claimId(input.id),
    email: input.email ?? null,
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    phone: input.phone ?? null,
    note: input.note ?? null,
    tags: input.tags ?? [],
    state: 'disabled',
    taxExempt: input.taxExempt ?? false,
    verifiedEmail: true,
    addresses: (input.addresses ?? []).map((address, index) => ({
      ...address,
      id: state.nextId(),
      isDefault: index === 0,
    })),
    createdAt: now,
    updatedAt: now,
  };
  state.data.customers.push(customer);
  return customer;
}

export function findCustomer(state: ShopState, id: number): Customer | undefined {
  return state.data.customers.find((customer) => customer.id === id);
}

export function getCustomer(state: ShopState, id: number): Customer {
  const customer = findCustomer(state, id);
  if (!customer) throw new NotFound('Customer', id);
  return customer;
}

export interface CompanyInput {
  id?: number;
  name: string;
  externalId?: string | null;
  note?: string | null;
  contactCustomerIds?: number[];
  locations?: {
    id?: number;
    name: string;
    billingAddress?: Address | null;
    shippingAddress?: Address | null;
  }[];
}

/** B2B company with locations; orders reference it through `companyId`. */
export function createCompany(state: ShopState, input: CompanyInput): Company {
  const now = state.now();
  const company: Company = {
    id: input.id === undefined ? state.nextId() : state.claimId(input.id),
    name: input.name,
    externalId: input.externalId ?? null,
    note: input.note ?? null,
    contactCustomerIds: input.contactCustomerIds ?? [],
    locations: (input.locations ?? []).map((location) => ({
      id: location.id === undefined ? state.nextId() : state.claimId(location.id),
      name: location.name,
      billingAddress: location.billingAddress ?? null,
      shippingAddress: location.shippingAddress ?? location.billingAddress ?? null,
    })),
    createdAt: now,
    updatedAt: now,
  };
  state.data.companies.push(company);
  return company;
}
