import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Order } from '../domain/order.ts';
import { findCustomerByNo, loadDemoMasterData } from '../masterdata/index.ts';
import { addShop, getShopConnection, type ShopSettingsInput } from '../shops/index.ts';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import {
  createSalesDocuments,
  documentJson,
  importExchangeRates,
  listDocuments,
  unlinkOrderDocuments,
  type CreateSalesDocumentsResult,
} from './index.ts';
import { aLine, anOrder, bag } from '../domain/testing/order-builders.ts';

const secretKey = randomBytes(32);
/** What posting invoices and cash sales needs (demo chart of accounts). */
const postingAccounts = { receivable: '1200', sales: '4000', taxPayable: '2100', paymentClearing: '1020' };
const ada = {
  shopifyId: '601',
  email: 'ADA@example.com',
  phone: null,
  firstName: 'Ada',
  lastName: 'Lovelace',
};
const newcomer = {
  shopifyId: '602',
  email: 'new@example.com',
  phone: null,
  firstName: 'Nia',
  lastName: 'New',
};
const address = {
  name: 'Nia New',
  company: null,
  address1: '5 Elm St',
  address2: null,
  city: 'Boston',
  province: 'MA',
  zip: '02101',
  countryCode: 'US',
  phone: null,
};

describeOnEachBackend('createSalesDocuments', (backend) => {
  let store: TestStore;

  beforeEach(async () => {
    store = await openTestStore(backend);
    await loadDemoMasterData(store.db);
  });
  afterEach(() => store.close());

  async function shop(code: string, overrides: Partial<ShopSettingsInput> = {}) {
    await addShop(
      { db: store.db, secretKey },
      {
        code,
        shopifyDomain: `${code.toLowerCase()}.myshopify.com`,
        credentials: { accessToken: 'shpat_test' },
        accounts: { ...postingAccounts, shippingCharges: '4100', tip: '2300', soldGiftCard: '2200' },
        locationMappings: [{ shopifyLocationId: '1', locationCode: 'MAIN', isDefault: true }],
        ...overrides,
      },
    );
    return (await getShopConnection({ db: store.db, secretKey }, code)).settings;
  }

  function create(settings: Awaited<ReturnType<typeof shop>>, order: Order, dryRun = false) {
    return store.db
      .transaction()
      .execute((trx) => createSalesDocuments(trx, { shop: settings, order, dryRun }));
  }

  function documents(result: CreateSalesDocumentsResult) {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.documents.map(documentJson);
  }

  const count = async (table: 'documents' | 'customers' | 'customer_links') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('writes a numbered sales order once; the second call returns it and writes nothing', async () => {
    const web = await shop('WEB', { autoReleaseSalesOrders: true });
    const order = anOrder({ customer: ada, lines: [aLine({ quantity: 2 })] });
    const [first] = documents(await create(web, order));
    expect(first).toMatchObject({
      type: 'sales_order',
      number: 'SO-000001',
      status: 'released',
      customerNo: 'C0001',
      shopifyOrderId: '1001',
      amountIncludingTax: '50.00',
      lines: [
        {
          lineNo: 1,
          type: 'item',
          no: '1000',
          quantity: 2,
          unitPrice: '25.00',
          amount: '50.00',
          locationCode: 'MAIN',
          releasedQuantity: 2,
        },
      ],
    });
    const again = await create(web, order);
    expect(again).toMatchObject({ ok: true, created: false });
    expect(documents(again)).toEqual([first]);
    expect(await count('documents')).toBe(1);
  });

  it('a dry run shows the document and writes nothing: no number, no customer', async () => {
    const web = await shop('WEB', { autoCreateUnknownCustomers: true, customerTemplateCode: 'WEB' });
    const [preview] = documents(
      await create(web, anOrder({ customer: newcomer, billingAddress: address }), true),
    );
    expect(preview).toMatchObject({ id: null, number: null, customerNo: null, amountIncludingTax: '25.00' });
    expect([await count('documents'), await count('customers'), await count('customer_links')]).toEqual([
      0, 3, 0,
    ]);
  });

  it('an unmapped SKU is an outcome naming it, and nothing is half-written', async () => {
    const web = await shop('WEB', { autoCreateUnknownCustomers: true, customerTemplateCode: 'WEB' });
    const order = anOrder({
      customer: newcomer,
      billingAddress: address,
      lines: [aLine({ sku: 'SB-NOPE' })],
    });
    const result = await create(web, order);
    expect(result).toMatchObject({ ok: false, error: { code: 'item_not_mapped' } });
    expect(!result.ok && result.error.message).toContain('SKU "SB-NOPE"');
    expect([await count('documents'), await count('customers'), await count('customer_links')]).toEqual([
      0, 3, 0,
    ]);
  });

  it('creates an unknown customer from the template and finds it by Shopify id next time', async () => {
    const web = await shop('WEB', { autoCreateUnknownCustomers: true, customerTemplateCode: 'WEB' });
    const [first] = documents(await create(web, anOrder({ customer: newcomer, billingAddress: address })));
    expect(first?.customerNo).toBe('WEB000001');
    expect(await findCustomerByNo(store.db, 'WEB000001')).toMatchObject({
      name: 'Nia New',
      email: 'new@example.com',
    });
    const later = anOrder({
      shopifyId: '1002',
      name: '#1002',
      customer: { ...newcomer, email: 'changed@example.com' },
    });
    const [second] = documents(await create(web, later));
    expect(second?.customerNo).toBe('WEB000001');
    expect(await count('customers')).toBe(4);
  });

  it('no customer and creating is off: customer_not_found with the three fixes', async () => {
    const web = await shop('WEB');
    const result = await create(web, anOrder({ customer: newcomer, billingAddress: address }));
    expect(result).toMatchObject({ ok: false, error: { code: 'customer_not_found' } });
    expect(!result.ok && result.error.message).toMatch(/1\).*2\).*3\)/);
  });

  it('a EUR shop needs the EUR rate valid on the document date', async () => {
    const eu = await shop('EU', {
      shopCurrency: 'EUR',
      customerMappingType: 'default_customer',
      defaultCustomerNo: 'C0002',
    });
    const order = anOrder({
      shopCurrency: 'EUR',
      processedAt: '2025-03-10T12:00:00Z',
      lines: [aLine({ unitPrice: bag(2500, 'EUR') })],
    });
    const missing = await create(eu, order);
    expect(missing).toMatchObject({ ok: false, error: { code: 'exchange_rate_missing' } });
    expect(!missing.ok && missing.error.message).toContain('No exchange rate for EUR valid on 2025-03-10');
    const rates = [
      { currency: 'EUR', startingDate: '2025-01-01', rate: '1.0400' },
      { currency: 'EUR', startingDate: '2025-03-01', rate: '1.0850' },
      { currency: 'EUR', startingDate: '2025-04-01', rate: '1.1000' },
    ];
    await importExchangeRates(store.db, { fileName: 'rates.json', content: JSON.stringify(rates) });
    const [document] = documents(await create(eu, order));
    expect(document).toMatchObject({
      currency: 'EUR',
      exchangeRate: '1.0850',
      customerNo: 'C0002',
      amount: '25.00',
    });
  });

  it('unlinking keeps the documents and lets the order be imported again; lookups by id, GID or name', async () => {
    const web = await shop('WEB', { customerMappingType: 'default_customer', defaultCustomerNo: 'C0003' });
    const other = await shop('POS', { customerMappingType: 'default_customer', defaultCustomerNo: 'C0003' });
    const order = anOrder({ lines: [{ ...aLine(), unfulfilledQuantity: 0 }] });
    documents(await create(web, order));
    documents(await create(other, order));
    await store.db
      .transaction()
      .execute((trx) => unlinkOrderDocuments(trx, { shopCode: 'WEB', shopifyOrderId: '1001' }));
    const [again] = documents(await create(web, order));
    expect(again?.number).toBe('SI-000003');
    for (const ref of ['1001', 'gid://shopify/Order/1001', '#1001']) {
      const found = await listDocuments(store.db, { shopCode: 'WEB', order: ref });
      expect(found.map((d) => [d.number, d.unlinked])).toEqual([
        ['SI-000001', true],
        ['SI-000003', false],
      ]);
    }
  });
});
