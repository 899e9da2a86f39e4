import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Order } from '../domain/order.ts';
import { aLine, anOrder, bag } from '../domain/testing/order-builders.ts';
import { shipped } from '../domain/testing/refund-builders.ts';
import { describeOnEachBackend } from '../../test/support/test-store.ts';
import { createSalesDocumentsForOrders, importExchangeRates } from './index.ts';
import { now, openRefundBooks } from './testing/refund-books.ts';

/**
 * The order import posts what it invoices, in the same transaction (DESIGN.md "books/": Documents
 * are posted, balanced G/L entries per posting): sales invoices against receivable, cash sales
 * against payment clearing, foreign-currency documents converted at their rate; sales orders are
 * not posted. The ledger is append-only and every posting balances, in code and in the database.
 */
const order = (id: number, overrides: Partial<Order> = {}) =>
  shipped(anOrder({ shopifyId: String(id), name: `#${id}`, ...overrides }));

describeOnEachBackend('posting sales documents', (backend) => {
  let books: Awaited<ReturnType<typeof openRefundBooks>>;
  beforeEach(async () => {
    books = await openRefundBooks(backend);
  });
  afterEach(async () => {
    await books.store.close();
  });

  it('a batch posts its invoices and cash sales in one statement; sales orders are not posted', async () => {
    const results = await books.store.db.transaction().execute((trx) =>
      createSalesDocumentsForOrders(trx, {
        shop: books.shop,
        orders: [{ order: order(1001) }, { order: anOrder({ shopifyId: '1002', name: '#1002' }) }],
        now,
      }),
    );
    expect(results.map((r) => r.ok && r.documents.map((d) => `${d.number} ${d.status}`))).toEqual([
      ['SI-000001 posted'],
      ['SO-000001 open'],
    ]);
    await books.sell(order(1003), { ...books.shop, fulfilledOrderDocument: 'cash_sale' });
    expect(await books.journal()).toEqual({
      'SI-000001': ['Dr 1200 25.00', 'Cr 4000 25.00'],
      'CS-000001': ['Dr 1020 25.00', 'Cr 4000 25.00'],
    });
  });

  it('an order whose posting needs an unset account is refused, naming it, and nothing of it is written', async () => {
    const { paymentClearing: _unset, ...accounts } = books.shop.accounts;
    const shop = { ...books.shop, fulfilledOrderDocument: 'cash_sale' as const, accounts };
    const before = await books.footprint();
    const results = await books.store.db
      .transaction()
      .execute((trx) => createSalesDocumentsForOrders(trx, { shop, orders: [{ order: order(1001) }] }));
    expect(results).toEqual([
      {
        ok: false,
        error: {
          code: 'account_not_set',
          message: 'accounts.paymentClearing not set: needed to post cash sale (Order #1001)',
        },
      },
    ]);
    expect(await books.footprint()).toEqual(before);
  });

  it('a EUR invoice in USD books is converted at its rate, still balanced to the cent', async () => {
    const eur = { ...books.shop, shopCurrency: 'EUR' };
    await importExchangeRates(books.store.db, {
      fileName: 'rates.json',
      content: JSON.stringify([{ currency: 'EUR', startingDate: '2025-01-01', rate: '1.0850' }]),
    });
    const lines = [1001, 1001, 1].map((price, i) =>
      aLine({ shopifyId: String(9001 + i), sku: 'SB-TEE', unitPrice: bag(price, 'EUR') }),
    );
    await books.sell(order(1001, { shopCurrency: 'EUR', presentmentCurrency: 'EUR', lines }), eur);
    // 20.03 EUR x 1.0850 = 21.73 USD, split over the lines by largest remainder.
    expect(await books.journal()).toEqual({
      'SI-000001': ['Dr 1200 21.73', 'Cr 4000 10.86', 'Cr 4000 10.86', 'Cr 4000 0.01'],
    });
  });

  it('G/L entries are append-only, and the database refuses a posting that does not balance', async () => {
    await books.sell(order(1001));
    const db = books.store.db;
    await expect(sql`update gl_entries set debit_minor = 1`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from gl_entries`.execute(db)).rejects.toThrow(/append-only/);
    await expect(
      db
        .insertInto('gl_entries')
        .values({
          shop_code: 'WEB',
          posting_date: '2025-03-01',
          document_type: 'sales_invoice',
          document_no: 'SI-999999',
          line_no: 1,
          account_no: '1200',
          description: 'one side only',
          debit_minor: 100,
          credit_minor: 0,
          currency: 'USD',
          source_currency: 'USD',
          source_amount_minor: 100,
        })
        .execute(),
    ).rejects.toThrow(/do not balance/);
    expect(await books.unbalanced()).toEqual([]);
  });
});
