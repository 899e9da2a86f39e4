import {
  addBags,
  orderTotals,
  zeroBag,
  type Company,
  type Customer,
  type Order,
  type ShopState,
} from '../../domain/index.ts';
import { firstOf } from '../connection.ts';
import { gid } from '../gid.ts';
import { mailingAddressView } from './address-view.ts';
import { shopMoney } from './money.ts';
import { ordersConnection, type OrdersArgs } from './orders-connection.ts';

/** Net amount paid on the orders (shop currency), Shopify's amountSpent / totalSpent. */
function spent(state: ShopState, orders: readonly Order[]) {
  const total = orders.reduce((sum, order) => addBags(sum, orderTotals(order).netPayment), zeroBag);
  return shopMoney(total.shop, state.data.shop.currencyCode);
}

export function customerView(state: ShopState, customer: Customer) {
  const orders = () => state.data.orders.filter((order) => order.customerId === customer.id);
  const defaultAddress = customer.addresses.find((a) => a.isDefault) ?? customer.addresses[0] ?? null;
  const displayName =
    [customer.firstName, customer.lastName].filter(Boolean).join(' ') || customer.email || '';
  return {
    __typename: 'Customer',
    id: gid('Customer', customer.id),
    legacyResourceId: String(customer.id),
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayName,
    email: customer.email,
    phone: customer.phone,
    note: customer.note,
    tags: customer.tags,
    taxExempt: customer.taxExempt,
    state: customer.state.toUpperCase(),
    verifiedEmail: customer.verifiedEmail,
    defaultAddress: defaultAddress && mailingAddressView(defaultAddress, String(defaultAddress.id)),
    addresses: (args: { first?: number }) =>
      firstOf(customer.addresses, args.first).map((a) => mailingAddressView(a, String(a.id))),
    numberOfOrders: () => String(orders().length),
    amountSpent: () => spent(state, orders()),
    orders: (args: OrdersArgs) => ordersConnection(state, orders(), args),
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
  };
}

export function companyView(state: ShopState, company: Company) {
  const orders = () => state.data.orders.filter((order) => order.companyId === company.id);
  return {
    __typename: 'Company',
    id: gid('Company', company.id),
    name: company.name,
    externalId: company.externalId,
    note: null,
    customerSince: company.createdAt,
    orders: (args: OrdersArgs) => ordersConnection(state, orders(), args),
    ordersCount: () => ({ count: orders().length, precision: 'EXACT' }),
    totalSpent: () => spent(state, orders()),
    createdAt: company.createdAt,
    updatedAt: company.updatedAt,
  };
}
