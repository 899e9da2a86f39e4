import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadDemoMasterData } from '../masterdata/index.ts';
import { createLogger } from '../shared/logger.ts';
import { addShop, getShopConnection } from '../shops/index.ts';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import { adjustStock, createSalesDocuments, registerBooksRoutes } from './index.ts';
import { aLine, anOrder } from '../domain/testing/order-builders.ts';
import { refundOf, shipped, withRefund } from '../domain/testing/refund-builders.ts';
import { openRefundBooks } from './testing/refund-books.ts';

describeOnEachBackend('books HTTP API', (backend) => {
  let store: TestStore;
  const secretKey = randomBytes(32);

  beforeEach(async () => {
    store = await openTestStore(backend);
    await loadDemoMasterData(store.db);
    await addShop(
      { db: store.db, secretKey },
      {
        code: 'WEB',
        shopifyDomain: 'web.myshopify.com',
        credentials: { accessToken: 'shpat_test' },
        autoReleaseSalesOrders: true,
        customerMappingType: 'default_customer',
        defaultCustomerNo: 'C0001',
        locationMappings: [{ shopifyLocationId: '1', locationCode: 'MAIN', isDefault: true }],
      },
    );
    const shop = (await getShopConnection({ db: store.db, secretKey }, 'WEB')).settings;
    await store.db.transaction().execute(async (trx) => {
      await adjustStock(trx, {
        voucherNo: 'OPENING',
        lines: [{ itemNo: '1000', locationCode: 'MAIN', quantity: 5 }],
      });
      await createSalesDocuments(trx, { shop, order: anOrder({ lines: [aLine({ quantity: 2 })] }) });
    });
  });
  afterEach(() => store.close());

  function app() {
    const server = Fastify();
    registerBooksRoutes(server, { store, secretKey, logger: createLogger('silent') });
    return server;
  }

  it('GET /api/shops/:code/documents?order= answers the documents JSON', async () => {
    const response = await app().inject({ url: '/api/shops/WEB/documents?order=%231001' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      documents: [
        {
          number: 'SO-000001',
          shopifyOrderName: '#1001',
          amount: '50.00',
          lines: [{ no: '1000', unitPrice: '25.00' }],
        },
      ],
    });
  });

  it('unknown shop 404, bad order ref 400', async () => {
    expect((await app().inject({ url: '/api/shops/NOPE/documents' })).statusCode).toBe(404);
    const bad = await app().inject({ url: '/api/shops/WEB/documents?order=abc' });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'validation_failed']);
  });

  it('GET /api/stock', async () => {
    const response = await app().inject({ url: '/api/stock' });
    expect(response.json()).toEqual({
      stock: [{ itemNo: '1000', locationCode: 'MAIN', onHand: 5, released: 2, availableToSell: 3 }],
    });
  });

  it('GET /api/stock?item=&location= filters; GET /api/stock/:item/movements is the item ledger', async () => {
    const server = app();
    const main = await server.inject({ url: '/api/stock?item=1000&location=MAIN' });
    expect(main.json().stock).toEqual([
      { itemNo: '1000', locationCode: 'MAIN', onHand: 5, released: 2, availableToSell: 3 },
    ]);
    expect((await server.inject({ url: '/api/stock?location=EAST' })).json().stock).toEqual([]);
    const ledger = await server.inject({ url: '/api/stock/1000/movements?location=MAIN' });
    expect(ledger.json()).toEqual({
      itemNo: '1000',
      movements: [
        {
          id: expect.any(Number),
          itemNo: '1000',
          locationCode: 'MAIN',
          quantity: 5,
          kind: 'adjustment',
          voucherType: 'inventory_adjustment',
          voucherNo: 'OPENING',
          voucherLineNo: 1,
          createdAt: expect.any(String),
          onHandAfter: 5,
        },
      ],
    });
    const unknown = await server.inject({ url: '/api/stock/NOPE/movements' });
    expect([unknown.statusCode, unknown.json().error.message]).toEqual([404, 'Item "NOPE" does not exist']);
  });
});

describeOnEachBackend('books HTTP API: refund documents and the G/L', (backend) => {
  let books: Awaited<ReturnType<typeof openRefundBooks>>;
  beforeEach(async () => {
    books = await openRefundBooks(backend);
    const sold = shipped(anOrder({ lines: [aLine({ shopifyId: '9001' })] }));
    await books.sell(sold);
    const refund = refundOf(sold, { lines: [{ line: '9001', quantity: 1, restock: 'no_restock' }] });
    const now = withRefund(sold, refund);
    await books.write(now, refund, await books.decide(now, refund));
  });
  afterEach(() => books.store.close());

  function app() {
    const server = Fastify();
    registerBooksRoutes(server, {
      store: books.store,
      secretKey: randomBytes(32),
      logger: createLogger('silent'),
    });
    return server;
  }

  it('documents include the credit memo and the customer refund with their refund fields', async () => {
    const response = await app().inject({ url: '/api/shops/WEB/documents?order=1001' });
    const [, creditMemo, customerRefund] = response.json().documents;
    expect(creditMemo).toMatchObject({
      type: 'credit_memo',
      shopifyRefundId: '7001',
      appliesTo: 'SI-000001',
      lines: [{ type: 'gl_account', no: '4510', reason: 'not_restocked', amount: '25.00' }],
    });
    expect(customerRefund).toMatchObject({
      type: 'customer_refund',
      shopifyRefundId: '7001',
      appliesTo: 'SI-000001',
      paymentMethod: 'shopify_payments',
      paidFromAccount: '1020',
      amountIncludingTax: '25.00',
    });
  });

  it('GET /api/shops/:code/gl lists the entries, by document; unknown shop 404', async () => {
    const all = (await app().inject({ url: '/api/shops/WEB/gl' })).json().entries as { documentNo: string }[];
    expect([...new Set(all.map((e) => e.documentNo))]).toEqual(['SI-000001', 'CM-000001', 'CR-000001']);
    const memo = await app().inject({ url: '/api/shops/WEB/gl?document=CM-000001' });
    expect(
      memo
        .json()
        .entries.map((e: { accountNo: string; debit: string; credit: string }) => [
          e.accountNo,
          e.debit,
          e.credit,
        ]),
    ).toEqual([
      ['1200', '0.00', '25.00'],
      ['4510', '25.00', '0.00'],
    ]);
    expect((await app().inject({ url: '/api/shops/NOPE/gl' })).statusCode).toBe(404);
  });

  it('GET /api/shops/:code/documents/:number: the document, its lines, postings in minor units, stock movements', async () => {
    const response = await app().inject({ url: '/api/shops/WEB/documents/SI-000001' });
    expect(response.statusCode).toBe(200);
    const { document, lines, postings, stockMovements } = response.json();
    expect(document).toMatchObject({ type: 'sales_invoice', number: 'SI-000001', shopifyOrderName: '#1001' });
    expect(document.lines).toBeUndefined();
    expect(lines).toEqual([expect.objectContaining({ lineNo: 1, type: 'item', no: '1000', quantity: 1 })]);
    const debit = postings.reduce((sum: number, p: { debitMinor: number }) => sum + p.debitMinor, 0);
    const credit = postings.reduce((sum: number, p: { creditMinor: number }) => sum + p.creditMinor, 0);
    expect(debit).toBe(credit);
    expect(debit).toBeGreaterThan(0);
    expect(postings[0]).toMatchObject({ documentNo: 'SI-000001', currency: expect.any(String) });
    expect(stockMovements).toEqual([
      expect.objectContaining({ itemNo: '1000', quantity: -1, kind: 'sale', voucherNo: 'SI-000001' }),
    ]);
    const unknown = await app().inject({ url: '/api/shops/WEB/documents/SI-999999' });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'not_found']);
  });
});
