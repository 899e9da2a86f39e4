import { describe, expect, it } from 'vitest';
import { money } from '../money/index.ts';
import {
  invoiceExportDecision,
  type CustomerLinkToExport,
  type InvoiceExportSettings,
  type InvoiceLineToExport,
  type InvoiceToExport,
} from './invoice-export.ts';

const usd = (minor: number) => money(minor, 'USD');

function aLine(overrides: Partial<InvoiceLineToExport> = {}): InvoiceLineToExport {
  return {
    lineNo: 1,
    type: 'item',
    no: '1000',
    description: 'Tee',
    quantity: 2,
    amount: usd(5000),
    ...overrides,
  };
}

function anInvoice(overrides: Partial<InvoiceToExport> = {}): InvoiceToExport {
  return {
    number: 'SI-000007',
    fromBackOffice: true,
    state: 'not_exported',
    customerNo: 'C0001',
    currency: 'USD',
    lines: [aLine()],
    taxAmount: usd(0),
    amountIncludingTax: usd(5000),
    remainingAmount: usd(0),
    ...overrides,
  };
}

const linked: CustomerLinkToExport = { shopifyCustomerId: '501', company: false };
const settings: InvoiceExportSettings = {
  shopCurrency: 'USD',
  defaultCustomerNos: ['POS'],
  paymentTermsTemplateId: 'gid://shopify/PaymentTermsTemplate/1',
};

/** seed 002's conditions, one row per reason an invoice is or is not exported. */
const conditions: {
  name: string;
  invoice: InvoiceToExport;
  link?: CustomerLinkToExport | null;
  settings?: Partial<InvoiceExportSettings>;
  expected: string;
}[] = [
  { name: 'a paid back-office invoice of a mapped customer goes', invoice: anInvoice(), expected: 'export' },
  {
    name: 'a document of a Shopify order is not a candidate',
    invoice: anInvoice({ fromBackOffice: false }),
    expected: 'not_candidate:from_shopify',
  },
  {
    name: 'already exported: not sent again',
    invoice: anInvoice({ state: 'exported' }),
    expected: 'not_candidate:exported',
  },
  {
    name: 'failed (-1) waits for a reset',
    invoice: anInvoice({ state: 'failed' }),
    expected: 'not_candidate:failed',
  },
  {
    name: 'excluded (-2) waits for a reset',
    invoice: anInvoice({ state: 'excluded' }),
    expected: 'not_candidate:excluded',
  },
  {
    name: 'customer without a Shopify mapping',
    invoice: anInvoice(),
    link: null,
    expected: 'exclude:customer_not_mapped',
  },
  {
    name: 'customer mapped to a company only',
    invoice: anInvoice(),
    link: { shopifyCustomerId: null, company: true },
    expected: 'exclude:company_not_supported',
  },
  {
    name: "the shop card's default customer",
    invoice: anInvoice({ customerNo: 'POS' }),
    expected: 'exclude:default_customer',
  },
  {
    name: 'comment lines only',
    invoice: anInvoice({ lines: [aLine({ type: 'comment', no: null, amount: usd(0) })] }),
    expected: 'exclude:no_line_with_no',
  },
  {
    name: 'lines without a No.',
    invoice: anInvoice({ lines: [aLine({ type: 'gl_account', no: null })] }),
    expected: 'exclude:no_line_with_no',
  },
  {
    name: 'a fractional quantity (Shopify takes whole numbers)',
    invoice: anInvoice({
      lines: [aLine(), aLine({ lineNo: 2, type: 'gl_account', no: '4100', quantity: 1.5 })],
    }),
    expected: 'exclude:fractional_quantity',
  },
  {
    name: 'a negative line',
    invoice: anInvoice({
      lines: [aLine(), aLine({ lineNo: 2, type: 'gl_account', no: '4100', quantity: 1, amount: usd(-100) })],
    }),
    expected: 'exclude:negative_line',
  },
  {
    name: 'another currency than the shop sells in',
    invoice: anInvoice({ currency: 'EUR' }),
    expected: 'exclude:currency_not_shop_currency',
  },
  {
    name: 'unpaid without a payment terms mapping',
    invoice: anInvoice({ remainingAmount: usd(5000) }),
    settings: { paymentTermsTemplateId: undefined },
    expected: 'exclude:payment_terms_not_mapped',
  },
  {
    name: 'unpaid with payment terms goes, payment pending',
    invoice: anInvoice({ remainingAmount: usd(5000) }),
    expected: 'export',
  },
];

describe('which posted invoices are exported (seed 002 conditions)', () => {
  it.each(conditions)('$name', ({ invoice, link, settings: overrides, expected }) => {
    const decision = invoiceExportDecision(invoice, link === undefined ? linked : link, {
      ...settings,
      ...overrides,
    });
    const outcome =
      decision.kind === 'export'
        ? 'export'
        : decision.kind === 'exclude'
          ? `exclude:${decision.code}`
          : `not_candidate:${decision.why}`;
    expect(outcome).toBe(expected);
  });
});

describe('the draft order an invoice becomes', () => {
  it('items and G/L lines as custom items, the tax as a custom line, tax exempt, marked with the invoice no.', () => {
    const decision = invoiceExportDecision(
      anInvoice({
        lines: [
          aLine(),
          aLine({
            lineNo: 2,
            type: 'comment',
            no: null,
            description: 'Thank you',
            quantity: 0,
            amount: usd(0),
          }),
          aLine({
            lineNo: 3,
            type: 'gl_account',
            no: '4100',
            description: 'Freight',
            quantity: 1,
            amount: usd(995),
          }),
        ],
        taxAmount: usd(600),
        amountIncludingTax: usd(6595),
      }),
      linked,
      settings,
    );
    expect(decision).toEqual({
      kind: 'export',
      draft: {
        invoiceNo: 'SI-000007',
        shopifyCustomerId: '501',
        lines: [
          { title: '1000 Tee', sku: '1000', quantity: 2, unitPrice: usd(2500) },
          { title: '4100 Freight', sku: '4100', quantity: 1, unitPrice: usd(995) },
          { title: 'Tax', sku: null, quantity: 1, unitPrice: usd(600) },
        ],
        taxExempt: true,
        paidStatus: 'paid',
        remainingAmount: usd(0),
        paymentTermsTemplateId: null,
        tags: ['storebridge-invoice-SI-000007'],
        customAttributes: [{ key: 'storebridge_invoice', value: 'SI-000007' }],
      },
    });
  });

  it('an amount that does not divide by the quantity: whole units a cent apart, the total to the cent', () => {
    const decision = invoiceExportDecision(
      anInvoice({ lines: [aLine({ quantity: 3, amount: usd(1000) })] }),
      linked,
      settings,
    );
    if (decision.kind !== 'export') throw new Error(decision.kind);
    expect(decision.draft.lines).toEqual([
      { title: '1000 Tee', sku: '1000', quantity: 1, unitPrice: usd(334) },
      { title: '1000 Tee', sku: '1000', quantity: 2, unitPrice: usd(333) },
    ]);
  });

  it.each([
    { remaining: 0, paid: 'paid', terms: null },
    { remaining: 2000, paid: 'partially_paid', terms: settings.paymentTermsTemplateId },
    { remaining: 5000, paid: 'pending', terms: settings.paymentTermsTemplateId },
  ])('remaining $remaining of 50.00 -> $paid', ({ remaining, paid, terms }) => {
    const decision = invoiceExportDecision(anInvoice({ remainingAmount: usd(remaining) }), linked, settings);
    if (decision.kind !== 'export') throw new Error(decision.kind);
    expect(decision.draft.paidStatus).toBe(paid);
    expect(decision.draft.paymentTermsTemplateId).toBe(terms);
  });
});
