import { describe, expect, it } from 'vitest';
import { IllegalStatusTransitionError, transition } from './status.machine.ts';

describe('document status machine', () => {
  it.each([
    { type: 'sales_order', from: 'open', to: 'released', allowed: true },
    { type: 'sales_order', from: 'released', to: 'open', allowed: true },
    { type: 'sales_order', from: 'open', to: 'posted', allowed: false },
    { type: 'sales_invoice', from: 'open', to: 'released', allowed: false },
    { type: 'sales_invoice', from: 'open', to: 'posted', allowed: true },
    { type: 'sales_invoice', from: 'posted', to: 'open', allowed: false },
    { type: 'cash_sale', from: 'open', to: 'released', allowed: false },
    { type: 'credit_memo', from: 'posted', to: 'open', allowed: false },
    { type: 'customer_refund', from: 'paid', to: 'posted', allowed: false },
  ] as const)('$type $from -> $to: $allowed', ({ type, from, to, allowed }) => {
    if (allowed) expect(transition(type, from, to)).toBe(to);
    else expect(() => transition(type, from, to, 'SO-000001')).toThrow(IllegalStatusTransitionError);
  });
});
