import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addTestUser } from '../../access/testing/test-users.ts';
import { ForbiddenError, ValidationError } from '../../shared/errors.ts';
import { describeOnEachBackend, type TestStore } from '../../../test/support/test-store.ts';
import { openTestStore } from '../../../test/support/test-store.ts';
import { adjustStock, documentJson, listDocuments, listGlEntries, stockLevels } from '../index.ts';
import { addWebShop } from '../testing/web-shop.ts';
import { findInvoiceExports } from './invoice-exports-repository.ts';
import { postBackOfficeInvoice } from './post-back-office-invoice.ts';

/**
 * Issue 8 item 6: a sales invoice made in the back office, from JSON, posted like an imported
 * invoice (balanced G/L, stock out of its location) in one transaction, every bad field named.
 */
const now = () => new Date('2026-12-07T10:00:00Z');

const invoice = {
  shop: 'WEB',
  customerNo: 'C0001',
  remainingAmount: '0',
  lines: [
    {
      type: 'item',
      no: '1000',
      quantity: 2,
      unitPrice: '25.00',
      lineDiscount: '5.00',
      locationCode: 'MAIN',
      taxAmount: '3.60',
    },
    { type: 'item', no: '1900', description: 'Consulting', quantity: '1.5', unitPrice: '80.00' },
    { type: 'gl_account', no: '4100', description: 'Freight', quantity: 1, unitPrice: '9.95' },
    { type: 'comment', description: 'Thank you for your order' },
  ],
};

describeOnEachBackend('posting a back-office sales invoice', (backend) => {
  let store: TestStore;
  const secretKey = randomBytes(32);
  const deps = () => ({ db: store.db, secretKey, now });
  beforeEach(async () => {
    store = await openTestStore(backend);
    await addWebShop({ db: store.db, secretKey });
    await store.db.transaction().execute((trx) =>
      adjustStock(trx, {
        voucherNo: 'OPENING',
        lines: [{ itemNo: '1000', locationCode: 'MAIN', quantity: 10 }],
      }),
    );
  });
  afterEach(async () => {
    await store.close();
  });

  it('numbers, writes and posts it: G/L balanced, the tee out of MAIN, its export open', async () => {
    const { actor } = await addTestUser(store.db, 'admin');
    const { document } = await postBackOfficeInvoice(deps(), actor, invoice);
    expect(documentJson(document)).toMatchObject({
      type: 'sales_invoice',
      number: 'SI-000001',
      status: 'posted',
      shopifyOrderId: '',
      customerNo: 'C0001',
      documentDate: '2026-12-07',
      amount: '174.95',
      taxAmount: '3.60',
      amountIncludingTax: '178.55',
    });
    const [stored] = await listDocuments(store.db, { shopCode: 'WEB' });
    expect(stored!.lines.map((l) => [l.lineNo, l.type, l.no, l.quantity, l.amount.minor])).toEqual([
      [1, 'item', '1000', 2, 4500],
      [2, 'item', '1900', 1.5, 12000],
      [3, 'gl_account', '4100', 1, 995],
      [4, 'comment', null, 0, 0],
    ]);
    const entries = await listGlEntries(store.db, { shopCode: 'WEB', documentNo: 'SI-000001' });
    expect(
      entries.map(
        (e) => `${e.debit.minor > 0 ? 'Dr' : 'Cr'} ${e.accountNo} ${e.debit.minor || e.credit.minor}`,
      ),
    ).toEqual(['Dr 1200 17855', 'Cr 4000 4500', 'Cr 4000 12000', 'Cr 4100 995', 'Cr 2100 360']);
    expect((await stockLevels(store.db, { itemNo: '1000' })).map((l) => [l.locationCode, l.onHand])).toEqual([
      ['MAIN', 8],
    ]);
    expect(
      (await findInvoiceExports(store.db, 'WEB')).map((e) => [
        e.document.number,
        e.state,
        e.remainingAmount.minor,
      ]),
    ).toEqual([['SI-000001', 'not_exported', 0]]);
  });

  it('every bad field is named by line and field, and nothing is written', async () => {
    const { actor } = await addTestUser(store.db, 'admin');
    const bad = {
      ...invoice,
      customerNo: 'NOPE',
      lines: [
        { type: 'item', no: '9999', quantity: 1, unitPrice: '1' },
        { type: 'item', no: '1000', quantity: 1.5, unitPrice: 'abc' },
        { type: 'gl_account', no: '4100', description: 'Freight', quantity: 0, unitPrice: '1' },
        { type: 'voucher', description: 'x' },
      ],
    };
    const issuesOf = async (input: unknown) => {
      const error: unknown = await postBackOfficeInvoice(deps(), actor, input).catch((e: unknown) => e);
      if (!(error instanceof ValidationError)) throw new Error('expected a ValidationError');
      return error.issues;
    };
    expect((await issuesOf(bad)).map((i) => i.path)).toEqual(['lines.2.quantity', 'lines.3.type']);
    const second = { ...bad, lines: bad.lines.slice(0, 2) };
    expect(await issuesOf(second)).toEqual([
      { path: 'lines.1.unitPrice', message: '"abc" is not a decimal amount' },
    ]);
    const third = { ...bad, lines: [bad.lines[0], { ...bad.lines[1], unitPrice: '1' }] };
    expect(await issuesOf(third)).toEqual([
      { path: 'customerNo', message: 'customer NOPE does not exist' },
      { path: 'lines.0.no', message: 'item 9999 does not exist' },
      { path: 'lines.1.quantity', message: 'item 1000 is kept in stock in whole units' },
      { path: 'lines.1.locationCode', message: 'is required: item 1000 is kept in stock' },
    ]);
    expect(await listDocuments(store.db, { shopCode: 'WEB' })).toEqual([]);
  });

  it('a read-only user may not post one', async () => {
    const { actor } = await addTestUser(store.db, 'read_only');
    await expect(postBackOfficeInvoice(deps(), actor, invoice)).rejects.toThrow(ForbiddenError);
    expect(await listDocuments(store.db, { shopCode: 'WEB' })).toEqual([]);
  });
});
