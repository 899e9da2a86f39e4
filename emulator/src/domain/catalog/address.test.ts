import { describe, expect, it } from 'vitest';
import { mailingAddressView } from '../../graphql/views/address-view.ts';
import { restAddress } from '../../rest/serialize/address.ts';
import { addressFromRest } from './address.ts';
import type { RestAddressInput } from '../orders/order-input.ts';

interface NameCase {
  name: string;
  input: RestAddressInput;
  firstName: string | null;
  lastName: string | null;
  fullName: string | null;
}

// An order placed over REST with only `name` (as apps and the storebridge e2e merchant do) must
// answer that name: matching by bill-to info compares it with the customer's billing address.
const cases: NameCase[] = [
  {
    name: 'first and last name',
    input: { first_name: 'Alan', last_name: 'Turing' },
    firstName: 'Alan',
    lastName: 'Turing',
    fullName: 'Alan Turing',
  },
  {
    name: 'full name only',
    input: { name: 'Alan Turing' },
    firstName: 'Alan',
    lastName: 'Turing',
    fullName: 'Alan Turing',
  },
  {
    name: 'full name with spaces',
    input: { name: '  Ada  King Lovelace ' },
    firstName: 'Ada',
    lastName: 'King Lovelace',
    fullName: 'Ada King Lovelace',
  },
  { name: 'one-word name', input: { name: 'Cher' }, firstName: 'Cher', lastName: null, fullName: 'Cher' },
  {
    name: 'parts win over name',
    input: { name: 'Someone Else', first_name: 'Grace', last_name: 'Hopper' },
    firstName: 'Grace',
    lastName: 'Hopper',
    fullName: 'Grace Hopper',
  },
  { name: 'no name', input: { address1: '2 Hut Lane' }, firstName: null, lastName: null, fullName: null },
];

describe('an address placed over REST', () => {
  it.each(cases)('$name', ({ input, firstName, lastName, fullName }) => {
    const address = addressFromRest(input)!;
    expect(address).toMatchObject({ firstName, lastName });
    expect(mailingAddressView(address, '1')?.name).toBe(fullName);
    expect(restAddress(address)?.name).toBe(fullName ?? '');
  });
});
