import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, money } from '../money/index.ts';
import { convert, convertBalanced } from './posting-currency.ts';
import { posting, type PostingDocument, type PostingLine, type PostingSettings } from './posting.ts';

/**
 * The chart of accounts of the demo (src/masterdata/demo/gl-accounts.json): 1020 Shopify Payments
 * clearing, 1200 receivable, 2100 sales tax, 2200 gift cards sold, 4000 sales, 4100 shipping,
 * 4510 refunds of products not restocked. Each row reads as the accountant's journal.
 */
const settings: PostingSettings = {
  localCurrency: 'USD',
  accounts: {
    receivable: '1200',
    sales: '4000',
    taxPayable: '2100',
    paymentClearing: '1020',
    soldGiftCard: '2200',
    shippingCharges: '4100',
  },
};

const usd = (minor: number, currency = 'USD') => money(minor, currency);
const line = (
  type: 'item' | 'gl_account' | 'item_charge',
  no: string,
  amount: number,
  tax = 0,
  c = 'USD',
) => ({
  type,
  no,
  description: `${type} ${no}`,
  amount: usd(amount, c),
  taxAmount: usd(tax, c),
});
const header = { reference: 'Order #1001', currency: 'USD', exchangeRate: null };

/** A posting as journal lines: "Dr 1200 67.50" / "Cr 4000 50.00". */
function journal(lines: readonly PostingLine[]): string[] {
  return lines.map((l) =>
    l.debit.minor > 0
      ? `Dr ${l.accountNo} ${formatMoney(l.debit)}`
      : `Cr ${l.accountNo} ${formatMoney(l.credit)}`,
  );
}

const cases: Array<{ name: string; document: PostingDocument; expected: string[] }> = [
  {
    name: 'sales invoice: receivable incl. tax, revenue per item line, shipping to its account, tax payable',
    document: {
      ...header,
      type: 'sales_invoice',
      lines: [
        { ...line('item', '1000', 5000, 400), type: 'comment', no: null, amount: usd(0), taxAmount: usd(0) },
        line('item', '1000', 5000, 400),
        line('item', '1001', 1250, 100),
        line('gl_account', '4100', 500),
      ],
    },
    expected: ['Dr 1200 72.50', 'Cr 4000 50.00', 'Cr 4000 12.50', 'Cr 4100 5.00', 'Cr 2100 5.00'],
  },
  {
    name: 'cash sale: payment clearing instead of receivable; a gift card sold is a liability',
    document: {
      ...header,
      type: 'cash_sale',
      lines: [line('item', '1000', 2500), line('gl_account', '2200', 5000)],
    },
    expected: ['Dr 1020 75.00', 'Cr 4000 25.00', 'Cr 2200 50.00'],
  },
  {
    name: 'shipping mapped to an item charge is revenue',
    document: { ...header, type: 'sales_invoice', lines: [line('item_charge', 'FREIGHT', 700)] },
    expected: ['Dr 1200 7.00', 'Cr 4000 7.00'],
  },
  {
    name: 'credit memo: the reverse of an invoice (restocked item, not restocked to 4510, tax)',
    document: {
      ...header,
      type: 'credit_memo',
      lines: [line('item', '1000', 2500, 200), line('gl_account', '4510', 1250, 100)],
    },
    expected: ['Cr 1200 40.50', 'Dr 4000 25.00', 'Dr 4510 12.50', 'Dr 2100 3.00'],
  },
  {
    name: 'inventory credit memo: zero amount, no G/L (seed 004 "zero-amount ICM")',
    document: { ...header, type: 'inventory_credit_memo', lines: [line('item', '1000', 0)] },
    expected: [],
  },
  {
    name: 'sales invoice of a pricier exchange: the returned Tee is a debit, the Jacket a credit',
    document: {
      ...header,
      type: 'sales_invoice',
      lines: [line('item', '1000', -2500), line('item', '1002', 4000)],
    },
    expected: ['Dr 1200 15.00', 'Dr 4000 25.00', 'Cr 4000 40.00'],
  },
  {
    name: 'customer refund (seed 000): receivable cleared, paid from the pay-from account',
    document: { ...header, type: 'customer_refund', amount: usd(2500), payFromAccount: '1020' },
    expected: ['Dr 1200 25.00', 'Cr 1020 25.00'],
  },
  {
    name: 'EUR invoice in USD books at 1.0850: converted, still balanced to the cent',
    document: {
      reference: 'Order #1001',
      currency: 'EUR',
      exchangeRate: '1.0850',
      type: 'sales_invoice',
      lines: [
        line('item', '1000', 1001, 0, 'EUR'),
        line('item', '1001', 1001, 0, 'EUR'),
        line('gl_account', '4100', 1, 0, 'EUR'),
      ],
    },
    // 20.03 EUR x 1.085 = 21.73255 -> 21.73, split 10.86 / 10.86 / 0.01 by largest remainder.
    expected: ['Dr 1200 21.73', 'Cr 4000 10.86', 'Cr 4000 10.86', 'Cr 4100 0.01'],
  },
];

describe('posting: the G/L lines of a document', () => {
  it.each(cases)('$name', ({ document, expected }) => {
    const outcome = posting(document, settings);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(journal(outcome.lines)).toEqual(expected);
    const debit = outcome.lines.reduce((a, l) => a + l.debit.minor, 0);
    const credit = outcome.lines.reduce((a, l) => a + l.credit.minor, 0);
    expect(debit).toBe(credit);
  });

  it('refuses a posting that needs an unset account, naming every setting', () => {
    const document: PostingDocument = {
      ...header,
      type: 'sales_invoice',
      lines: [line('item', '1000', 2500, 200)],
    };
    expect(posting(document, { localCurrency: 'USD', accounts: { sales: '4000' } })).toEqual({
      ok: false,
      error: {
        code: 'account_not_set',
        field: 'accounts.receivable',
        message:
          'accounts.receivable, accounts.taxPayable not set: needed to post sales invoice (Order #1001)',
      },
    });
  });

  it('asks for no account a document does not use (no tax: no tax payable)', () => {
    const document: PostingDocument = {
      ...header,
      type: 'cash_sale',
      lines: [line('gl_account', '2200', 5000)],
    };
    const outcome = posting(document, { localCurrency: 'USD', accounts: { paymentClearing: '1020' } });
    expect(outcome.ok).toBe(true);
  });

  it('refuses a foreign-currency document without a rate', () => {
    const document: PostingDocument = {
      ...header,
      currency: 'EUR',
      type: 'customer_refund',
      amount: usd(100, 'EUR'),
      payFromAccount: '1020',
    };
    expect(posting(document, settings)).toMatchObject({
      ok: false,
      error: { code: 'exchange_rate_missing' },
    });
  });
});

describe('conversion to the local currency', () => {
  it.each([
    { amount: usd(2003, 'EUR'), rate: '1.0850', local: 'USD', expected: 2173 },
    { amount: usd(-2003, 'EUR'), rate: '1.0850', local: 'USD', expected: -2173 },
    { amount: usd(1500, 'JPY'), rate: '0.0067', local: 'USD', expected: 1005 },
    { amount: usd(1000, 'USD'), rate: '151.25', local: 'JPY', expected: 1513 },
    { amount: usd(5, 'USD'), rate: '0.5', local: 'EUR', expected: 3 },
  ])('$amount.minor $amount.currency at $rate = $expected $local', ({ amount, rate, local, expected }) => {
    expect(convert(amount, rate, local)).toEqual(money(expected, local));
  });

  it('keeps any balanced posting balanced (property)', () => {
    const amounts = fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), {
      minLength: 1,
      maxLength: 12,
    });
    const rate = fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 9999 }));
    fc.assert(
      fc.property(amounts, rate, fc.constantFrom('USD', 'JPY', 'KWD'), (values, [whole, frac], local) => {
        const balanced = [...values, -values.reduce((a, b) => a + b, 0)].map((v) => money(v, 'EUR'));
        const converted = convertBalanced(balanced, `${whole}.${String(frac).padStart(4, '0')}`, local);
        expect(converted.reduce((a, m) => a + m.minor, 0)).toBe(0);
        converted.forEach((m, i) =>
          expect(m.minor * Math.sign(balanced[i]!.minor)).toBeGreaterThanOrEqual(0),
        );
      }),
    );
  });
});
