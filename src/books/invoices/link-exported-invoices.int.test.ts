import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addTestUser } from '../../access/testing/test-users.ts';
import { anOrder } from '../../domain/testing/order-builders.ts';
import { getShopConnection } from '../../shops/index.ts';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../../test/support/test-store.ts';
import { createSalesDocumentsForOrders, listDocuments } from '../index.ts';
import { addWebShop } from '../testing/web-shop.ts';
import { findInvoiceExports } from './invoice-exports-repository.ts';
import { postBackOfficeInvoice } from './post-back-office-invoice.ts';

/**
 * seed 002 "Effect on the process of synchronizing orders", the race: the order an export made is
 * imported before the export wrote its id back. Its note attribute names the invoice, which the
 * import takes as the order's document: no second document, no G/L or stock twice.
 */
describeOnEachBackend('an exported order imported before the export recorded it', (backend) => {
  let store: TestStore;
  const secretKey = randomBytes(32);
  beforeEach(async () => {
    store = await openTestStore(backend);
    await addWebShop({ db: store.db, secretKey });
  });
  afterEach(async () => {
    await store.close();
  });

  it('is linked to the invoice and documented by it', async () => {
    const { actor } = await addTestUser(store.db, 'admin');
    const invoice = {
      shop: 'WEB',
      customerNo: 'C0001',
      lines: [{ type: 'gl_account', no: '4100', description: 'Freight', quantity: 1, unitPrice: '9.95' }],
    };
    await postBackOfficeInvoice({ db: store.db, secretKey }, actor, invoice);
    const shop = (await getShopConnection({ db: store.db, secretKey }, 'WEB')).settings;
    const order = anOrder({
      shopifyId: '9001',
      name: '#9001',
      customAttributes: [{ key: 'storebridge_invoice', value: 'SI-000001' }],
    });
    const entries = async () => (await store.db.selectFrom('gl_entries').select('id').execute()).length;
    const before = await entries();
    const [result] = await store.db
      .transaction()
      .execute((trx) => createSalesDocumentsForOrders(trx, { shop, orders: [{ order }] }));
    expect(result).toMatchObject({ ok: true, created: false, documents: [{ number: 'SI-000001' }] });
    const documents = await listDocuments(store.db, { shopCode: 'WEB' });
    expect(documents.map((d) => [d.number, d.shopifyOrderId, d.shopifyOrderName])).toEqual([
      ['SI-000001', '9001', '#9001'],
    ]);
    expect(await entries()).toBe(before);
    // The export still completes, fulfils and records it on its next run.
    expect((await findInvoiceExports(store.db, 'WEB')).map((e) => e.state)).toEqual(['not_exported']);
  });
});
