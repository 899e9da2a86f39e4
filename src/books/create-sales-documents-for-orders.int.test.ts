import { randomBytes } from 'node:crypto';
import type { Kysely, KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import type { Address, Order, OrderCustomer } from '../domain/order.ts';
import { aLine, anOrder, bag } from '../domain/testing/order-builders.ts';
import { loadDemoMasterData } from '../masterdata/index.ts';
import { addShop, getShopConnection, type ShopSettingsInput } from '../shops/index.ts';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import {
  createSalesDocuments,
  createSalesDocumentsForOrders,
  importExchangeRates,
  type CreateSalesDocumentsResult,
  type DocumentShopSettings,
  type OrderToDocument,
} from './index.ts';

const secretKey = randomBytes(32);
const now = () => new Date('2025-03-10T12:00:00Z');
/** What posting invoices and cash sales needs (demo chart of accounts). */
const postingAccounts = { receivable: '1200', sales: '4000', taxPayable: '2100', paymentClearing: '1020' };
const address: Address = {
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
const oakAddress: Address = { ...address, name: 'Olu Oak', address1: '9 Oak St' };
const alansAddress: Address = { ...address, name: 'Alan Turing', address1: '2 Hut Lane', zip: '02108' };
const acme = { shopifyId: '701', name: 'Acme Corp', locationShopifyId: '702' };

function buyer(shopifyId: string, email: string | null, phone: string | null = null): OrderCustomer {
  return { shopifyId, email, phone, firstName: 'Nia', lastName: 'New' };
}
const ada = { ...buyer('601', 'ADA@example.com'), firstName: 'Ada', lastName: 'Lovelace' };
const nia = buyer('602', 'new@example.com');

function order(id: number, overrides: Partial<Order> = {}): Order {
  return anOrder({ shopifyId: String(id), name: `#${id}`, ...overrides });
}

function inEuros(id: number, processedAt: string): Order {
  const lines = [aLine({ unitPrice: bag(2500, 'EUR') })];
  return order(id, { shopCurrency: 'EUR', processedAt, lines });
}

/** Each batch in turn; what it must give is checked against the same calls one order at a time. */
const batches: Array<{ shop: string; orders: OrderToDocument[] }> = [
  {
    shop: 'WEB',
    orders: [
      { order: order(1001, { customer: ada, lines: [aLine({ quantity: 2 })] }) },
      { order: order(1002, { customer: ada }) },
      { order: order(1003, { customer: nia, billingAddress: address, lines: [aLine({ sku: 'SB-NOPE' })] }) },
      { order: order(1004, { customer: nia, billingAddress: address }) },
      { order: order(1005, { customer: { ...nia, email: 'changed@example.com' } }) },
      { order: order(1006, { customer: buyer('603', 'NEW@example.com'), billingAddress: address }) },
      { order: order(1007, { customer: buyer('604', 'nobody@example.com') }) },
      { order: order(1004, { customer: nia, billingAddress: address }) },
      {
        order: order(1008, {
          customer: buyer('608', 'buyer@acme.example'),
          company: acme,
          billingAddress: address,
        }),
      },
      { order: order(1009, { company: acme, lines: [{ ...aLine(), unfulfilledQuantity: 0 }] }) },
      {
        order: order(1010, {
          customer: buyer('605', 'grace.new@example.com', '+1 617 555 0199'),
          billingAddress: address,
        }),
        customerTemplateCode: 'WEB',
      },
      { order: order(1011, { email: null, customer: buyer('606', null, '+16175550199') }) },
      { order: order(1012, { customer: buyer('607', 'x@example.com') }), customerNo: 'C0003' },
      { order: order(1013, { customer: { ...ada, email: 'ada.other@example.com' } }) },
      // Created on purpose with C0003's email: a later lookup then finds both, and the lowest wins.
      {
        order: order(1014, { customer: buyer('609', 'grace@example.com'), billingAddress: address }),
        customerTemplateCode: 'WEB',
      },
      { order: order(1015, { customer: buyer('610', 'Grace@Example.com') }) },
    ],
  },
  {
    shop: 'BILL',
    orders: [
      { order: order(2001, { customer: buyer('611', 'one@example.com'), billingAddress: oakAddress }) },
      {
        order: order(2002, {
          customer: buyer('612', 'two@example.com'),
          billingAddress: { ...oakAddress, name: ' olu  OAK ', city: 'BOSTON' },
        }),
      },
      { order: order(2003, { customer: buyer('613', 'three@example.com'), billingAddress: alansAddress }) },
      {
        order: order(2004, {
          customer: buyer('614', 'four@example.com'),
          billingAddress: { ...oakAddress, address1: '7 Oak St' },
        }),
      },
    ],
  },
  {
    shop: 'EU',
    orders: [
      { order: inEuros(3001, '2025-03-10T12:00:00Z') },
      { order: inEuros(3002, '2024-12-01T12:00:00Z') },
      { order: inEuros(3003, '2025-04-02T12:00:00Z') },
    ],
  },
];

const shops: Record<string, Partial<ShopSettingsInput>> = {
  WEB: { autoCreateUnknownCustomers: true, customerTemplateCode: 'WEB', companyTemplateCode: 'B2B' },
  BILL: {
    autoCreateUnknownCustomers: true,
    customerTemplateCode: 'WEB',
    customerMappingType: 'by_bill_to_info',
  },
  EU: { shopCurrency: 'EUR', customerMappingType: 'default_customer', defaultCustomerNo: 'C0002' },
};

describeOnEachBackend('createSalesDocumentsForOrders', (backend) => {
  let batched: TestStore;
  let oneByOne: TestStore;

  beforeEach(async () => {
    [batched, oneByOne] = await Promise.all([openTestStore(backend), openTestStore(backend)]);
  });
  afterEach(() => Promise.all([batched.close(), oneByOne.close()]));

  /** Demo master data, the three shops, EUR rates, and order 1002 already documented. */
  async function setUp(store: TestStore): Promise<Record<string, DocumentShopSettings>> {
    await loadDemoMasterData(store.db);
    const settings: Record<string, DocumentShopSettings> = {};
    for (const [code, overrides] of Object.entries(shops)) {
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
      settings[code] = (await getShopConnection({ db: store.db, secretKey }, code)).settings;
    }
    const rates = [
      { currency: 'EUR', startingDate: '2025-01-01', rate: '1.0400' },
      { currency: 'EUR', startingDate: '2025-03-01', rate: '1.0850' },
      { currency: 'EUR', startingDate: '2025-04-01', rate: '1.1000' },
    ];
    await importExchangeRates(store.db, { fileName: 'rates.json', content: JSON.stringify(rates) });
    await store.db.transaction().execute((trx) =>
      createSalesDocuments(trx, {
        shop: settings.WEB!,
        order: order(1002, { customer: ada }),
        customerNo: 'C0002',
      }),
    );
    return settings;
  }

  it('gives, order by order and row by row, what createSalesDocuments one order at a time gives', async () => {
    const [batchShops, oneByOneShops] = await Promise.all([setUp(batched), setUp(oneByOne)]);
    const outcomes: CreateSalesDocumentsResult[] = [];
    for (const { shop, orders } of batches) {
      const results = await batched.db
        .transaction()
        .execute((trx) => createSalesDocumentsForOrders(trx, { shop: batchShops[shop]!, orders, now }));
      const expected = await oneByOne.db.transaction().execute(async (trx) => {
        const each: CreateSalesDocumentsResult[] = [];
        for (const entry of orders)
          each.push(await createSalesDocuments(trx, { shop: oneByOneShops[shop]!, ...entry, now }));
        return each;
      });
      expect(results).toEqual(expected);
      outcomes.push(...results);
    }
    expect(outcomes.map(summary)).toEqual([
      'SO-000002 C0001',
      'SO-000001 C0002 existing',
      'item_not_mapped',
      'SO-000003 WEB000001',
      'SO-000004 WEB000001',
      'SO-000005 WEB000001',
      'customer_not_found',
      'SO-000003 WEB000001 existing',
      'SO-000006 WEB000002',
      'SI-000001 WEB000002',
      'SO-000007 WEB000003',
      'SO-000008 WEB000003',
      'SO-000009 C0003',
      'SO-000010 C0001',
      'SO-000011 WEB000004',
      'SO-000012 C0003',
      'SO-000013 WEB000005',
      'SO-000014 WEB000005',
      'SO-000015 C0002',
      'SO-000016 WEB000006',
      'SO-000017 C0002',
      'exchange_rate_missing',
      'SO-000018 C0002',
    ]);
    expect(await tables(batched.db)).toEqual(await tables(oneByOne.db));
  });

  it('costs the same number of statements for 50 orders as for 5: no lookup per order', async () => {
    const settings = await setUp(batched);
    const statements = async (first: number, count: number) => {
      const orders = Array.from({ length: count }, (_, i) => ({
        order: order(first + i, {
          customer: buyer(String(first + i), 'ada@example.com'),
          lines: [
            aLine({ sku: i % 3 === 0 ? 'SB-NOPE' : 'SB-TEE' }),
            aLine({ shopifyId: '9002', sku: 'SB-MUG', unitPrice: bag(1250) }),
          ],
        }),
      }));
      const counter = statementCounter();
      const results = await batched.db
        .withPlugin(counter.plugin)
        .transaction()
        .execute((trx) => createSalesDocumentsForOrders(trx, { shop: settings.WEB!, orders }));
      expect(results.filter((r) => r.ok)).toHaveLength(count - Math.ceil(count / 3));
      return counter.count();
    };
    const few = await statements(5001, 5);
    const many = await statements(6001, 50);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(10);
  });
});

function summary(result: CreateSalesDocumentsResult): string {
  if (!result.ok) return result.error.code;
  return result.documents
    .map((d) => `${d.number} ${d.customerNo}${result.created ? '' : ' existing'}`)
    .join(', ');
}

/** Counts the statements run through a Kysely instance (each result is one executed statement). */
function statementCounter() {
  let count = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: (args) => {
      count += 1;
      return Promise.resolve(args.result);
    },
  };
  return { plugin, count: () => count };
}

/** Every row the import writes, without the timestamps (the two stores ran at different times). */
async function tables(db: Kysely<Database>) {
  const documents = await db.selectFrom('documents').selectAll().orderBy('id').execute();
  const customers = await db.selectFrom('customers').selectAll().orderBy('no').execute();
  const links = await db
    .selectFrom('customer_links')
    .selectAll()
    .orderBy('shop_code')
    .orderBy('kind')
    .orderBy('shopify_id')
    .execute();
  return {
    documents: documents.map(({ created_at: _c, updated_at: _u, ...row }) => row),
    lines: await db
      .selectFrom('document_lines')
      .selectAll()
      .orderBy('document_id')
      .orderBy('line_no')
      .execute(),
    customers: customers.map(({ created_at: _c, updated_at: _u, ...row }) => row),
    links: links.map(({ created_at: _c, ...row }) => row),
    series: await db.selectFrom('number_series').selectAll().orderBy('code').execute(),
  };
}
