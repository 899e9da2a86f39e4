import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser } from '../../src/access/testing/test-users.ts';
import { linkShopifyCustomer } from '../../src/books/index.ts';
import { openScenario, type Scenario } from '../support/e2e/scenario.ts';

/**
 * Issue 8 item 6, seed 002 "Export posted sales invoices to Shopify", end to end on the emulator:
 * invoices posted in the back office through the API, exported by an admin as draft orders that
 * become orders (custom items, a tax line, tax exempt, fulfilled, paid or payment pending), the
 * results written back (order id, -1, -2) and reset, a re-run that sends nothing, a draft left
 * by a crash completed rather than made twice, and the exported orders coming back through the
 * normal order sync as the invoices themselves: no new document, no stock or G/L twice.
 */
let scenario: Scenario;
let admin: string;
let agent: string;

const dueOnReceipt = 'gid://shopify/PaymentTermsTemplate/1';

beforeAll(async () => {
  scenario = await openScenario({
    shop: { invoiceExport: { enabled: true, paymentTermsTemplateId: dueOnReceipt } },
  });
  admin = (await addTestUser(scenario.store.db, 'admin')).apiKey;
  agent = (await addTestUser(scenario.store.db, 'agent')).apiKey;
  // seed 002: the bill-to customer is mapped to a Shopify customer (Ada is C0001 and in Shopify).
  const ada = await scenario.merchant.api.graphql<{ customers: { nodes: { legacyResourceId: string }[] } }>(
    `query { customers(first: 1, query: "email:ada@example.com") { nodes { legacyResourceId } } }`,
  );
  await linkShopifyCustomer(scenario.store.db, {
    shopCode: scenario.shopCode,
    link: { kind: 'customer', shopifyId: ada.customers.nodes[0]!.legacyResourceId },
    customerNo: 'C0001',
  });
}, 60_000);
afterAll(async () => {
  await scenario.close();
});

async function api<T>(key: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const response = await scenario.server.inject({
    method,
    url,
    headers: { authorization: `Bearer ${key}` },
    ...(payload && { payload }),
  });
  return { status: response.statusCode, body: response.json<T>() };
}

const shopUrl = () => `/api/shops/${scenario.shopCode}`;

function anInvoice(overrides: object = {}) {
  return {
    shop: scenario.shopCode,
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
      { type: 'gl_account', no: '4100', description: 'Freight', quantity: 1, unitPrice: '9.95' },
      { type: 'comment', description: 'Thank you' },
    ],
    ...overrides,
  };
}

async function post(invoice: object): Promise<string> {
  const { status, body } = await api<{ document: { number: string } }>(
    admin,
    'POST',
    '/api/invoices',
    invoice,
  );
  expect(status).toBe(201);
  return body.document.number;
}

type Row = { documentNo: string; shopifyOrderId: string; reasonCode: string | null; message: string | null };
async function exportState(): Promise<Record<string, string>> {
  const { body } = await api<{ invoices: Row[] }>(admin, 'GET', `${shopUrl()}/invoices`);
  return Object.fromEntries(
    body.invoices.map((row) => [
      row.documentNo,
      `${row.shopifyOrderId}${row.reasonCode ? ` ${row.reasonCode}` : ''}`,
    ]),
  );
}

type Results = {
  results: {
    documentNo: string;
    outcome: string;
    shopifyOrderId?: string;
    paidStatus?: string;
    message?: string;
  }[];
};
const runExport = (key = admin) => api<Results>(key, 'POST', `${shopUrl()}/invoices/export`);

async function shopifyOrder(id: string) {
  const data = await scenario.merchant.api.graphql<{
    order: {
      name: string;
      taxExempt: boolean;
      displayFinancialStatus: string;
      displayFulfillmentStatus: string;
      totalPriceSet: { shopMoney: { amount: string } };
      customer: { email: string } | null;
      tags: string[];
      customAttributes: { key: string; value: string }[];
      lineItems: {
        nodes: {
          title: string;
          sku: string | null;
          quantity: number;
          originalUnitPriceSet: { shopMoney: { amount: string } };
        }[];
      };
    };
  }>(
    `query ($id: ID!) { order(id: $id) { name taxExempt displayFinancialStatus displayFulfillmentStatus
      totalPriceSet { shopMoney { amount } } customer { email } tags customAttributes { key value }
      lineItems(first: 10) { nodes { title sku quantity originalUnitPriceSet { shopMoney { amount } } } } } }`,
    { id: `gid://shopify/Order/${id}` },
  );
  return data.order;
}

/** storebridge's draftOrderCreate calls the emulator recorded so far. */
async function draftOrderCreates(): Promise<number> {
  const calls = await scenario.emulator.log.list();
  return calls.filter((call) => call.operation === 'mutation InvoiceDraftOrderCreate').length;
}

/** Every invoice-export mutation storebridge sent (draft create/complete, fulfillment). */
async function exportMutations(): Promise<number> {
  const calls = await scenario.emulator.log.list();
  return calls.filter(
    (call) =>
      call.operation.startsWith('mutation Invoice') || call.operation === 'mutation FulfillmentCreate',
  ).length;
}

describe('posted back-office invoices -> Shopify orders', () => {
  let paid: string;
  let unpaid: string;
  let fractional: string;
  let unmapped: string;

  it('a bad invoice is refused with 400 naming the line and field, and nothing is posted', async () => {
    const bad = anInvoice({
      lines: [{ type: 'item', no: '1000', quantity: 1, unitPrice: '25.00', locationCode: 'NOWHERE' }],
    });
    const { status, body } = await api<{ error: { issues: { path: string; message: string }[] } }>(
      admin,
      'POST',
      '/api/invoices',
      bad,
    );
    expect({ status, issues: body.error.issues }).toEqual({
      status: 400,
      issues: [{ path: 'lines.0.locationCode', message: 'location NOWHERE does not exist' }],
    });
    expect(await exportState()).toEqual({});
  });

  it('an agent may not export: 403, nothing sent to Shopify', async () => {
    paid = await post(anInvoice());
    unpaid = await post(anInvoice({ remainingAmount: undefined }));
    fractional = await post(
      anInvoice({
        lines: [{ type: 'item', no: '1900', description: 'Consulting', quantity: '1.5', unitPrice: '80.00' }],
      }),
    );
    unmapped = await post(anInvoice({ customerNo: 'C0002' }));
    const before = await draftOrderCreates();
    const refused = await runExport(agent);
    expect(refused.status).toBe(403);
    expect(await draftOrderCreates()).toBe(before);
    expect(await exportState()).toEqual({ [paid]: '0', [unpaid]: '0', [fractional]: '0', [unmapped]: '0' });
  });

  it('an admin exports: orders of custom items with a tax line, tax exempt, fulfilled, paid or pending; the rest -2 with the reason', async () => {
    const { status, body } = await runExport();
    // Two invoices qualify: a draft, its completion and a fulfillment each; nothing for the excluded.
    expect([await draftOrderCreates(), await exportMutations()]).toEqual([2, 6]);
    expect(status).toBe(200);
    expect(body.results.map((r) => [r.documentNo, r.outcome, r.paidStatus ?? null])).toEqual([
      [paid, 'exported', 'paid'],
      [unpaid, 'exported', 'pending'],
      [fractional, 'excluded', null],
      [unmapped, 'excluded', null],
    ]);
    const state = await exportState();
    expect(state[fractional]).toBe('-2 fractional_quantity');
    expect(state[unmapped]).toBe('-2 customer_not_mapped');
    const paidOrder = await shopifyOrder(state[paid]!);
    expect(paidOrder).toMatchObject({
      taxExempt: true,
      displayFinancialStatus: 'PAID',
      displayFulfillmentStatus: 'FULFILLED',
      totalPriceSet: { shopMoney: { amount: '58.55' } },
      customer: { email: 'ada@example.com' },
      tags: [`storebridge-invoice-${paid}`],
      customAttributes: [{ key: 'storebridge_invoice', value: paid }],
    });
    expect(
      paidOrder.lineItems.nodes.map((l) => [
        l.title,
        l.sku,
        l.quantity,
        l.originalUnitPriceSet.shopMoney.amount,
      ]),
    ).toEqual([
      ['1000 Storebridge Tee', '1000', 2, '22.50'],
      ['4100 Freight', '4100', 1, '9.95'],
      ['Tax', null, 1, '3.60'],
    ]);
    expect((await shopifyOrder(state[unpaid]!)).displayFinancialStatus).toBe('PENDING');
    // Audited: who, what, and Shopify's answer (the agent's refusal first).
    const audit = await scenario.store.db
      .selectFrom('audit_log')
      .select(['user_name', 'action', 'target', 'outcome', 'shopify_answer'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.user_name, a.action, a.target, a.outcome])).toEqual([
      // Refused by the route's permission check, before the export ran (src/access/access-control.ts).
      ['agent', 'invoices.export', 'POST /api/shops/:code/invoices/export', 'refused'],
      ['admin', 'invoices.export', `invoice ${paid}`, 'succeeded'],
      ['admin', 'invoices.export', `invoice ${unpaid}`, 'succeeded'],
      ['admin', 'invoices.export', `invoice ${fractional}`, 'refused'],
      ['admin', 'invoices.export', `invoice ${unmapped}`, 'refused'],
    ]);
    expect(audit[1]!.shopify_answer).toMatchObject({ shopifyOrderId: state[paid], paidStatus: 'paid' });
  });

  it('a re-run sends nothing', async () => {
    const before = await exportMutations();
    expect((await runExport()).body.results).toEqual([]);
    expect(await exportMutations()).toBe(before);
  });

  it("Shopify's refusal is -1 with its message; after a reset the export goes again", async () => {
    await scenario.setShop({
      invoiceExport: { enabled: true, paymentTermsTemplateId: 'gid://shopify/PaymentTermsTemplate/999' },
    });
    const refused = await post(anInvoice({ remainingAmount: '20.00' }));
    const { body } = await runExport();
    expect(body.results).toEqual([
      expect.objectContaining({
        documentNo: refused,
        outcome: 'failed',
        message: expect.stringContaining('Payment terms template does not exist'),
      }),
    ]);
    expect((await exportState())[refused]).toBe('-1 shopify_user_error');
    await scenario.setShop({ invoiceExport: { enabled: true, paymentTermsTemplateId: dueOnReceipt } });
    expect((await runExport()).body.results).toEqual([]);
    const reset = await api<{ previous: string }>(admin, 'POST', `/api/invoices/${refused}/reset-export`);
    expect(reset).toEqual({
      status: 200,
      body: { documentNo: refused, shopCode: scenario.shopCode, previous: 'failed' },
    });
    expect((await runExport()).body.results.map((r) => [r.documentNo, r.outcome, r.paidStatus])).toEqual([
      [refused, 'exported', 'partially_paid'],
    ]);
    // An excluded invoice is reset the same way; it is decided again (still a fraction: -2 again).
    await api(admin, 'POST', `/api/invoices/${fractional}/reset-export`);
    expect((await exportState())[fractional]).toBe('0');
    expect((await runExport()).body.results.map((r) => [r.documentNo, r.outcome])).toEqual([
      [fractional, 'excluded'],
    ]);
  });

  it('a draft order left by a crash before its id was kept is completed, not made again', async () => {
    const invoiceNo = await post(anInvoice());
    await scenario.merchant.api.graphql(
      `mutation ($input: DraftOrderInput!) { draftOrderCreate(input: $input) { draftOrder { id } userErrors { message } } }`,
      {
        input: {
          lineItems: [
            {
              title: 'left by a crash',
              quantity: 1,
              originalUnitPriceWithCurrency: { amount: '58.55', currencyCode: 'USD' },
            },
          ],
          tags: [`storebridge-invoice-${invoiceNo}`],
        },
      },
    );
    const before = await draftOrderCreates();
    const { body } = await runExport();
    expect(body.results.map((r) => [r.documentNo, r.outcome])).toEqual([[invoiceNo, 'exported']]);
    expect(await draftOrderCreates()).toBe(before);
    const order = await shopifyOrder((await exportState())[invoiceNo]!);
    expect(order.lineItems.nodes.map((l) => l.title)).toEqual(['left by a crash']);
  });

  it('the exported orders come back through the order sync as the invoices: processed, linked, nothing created twice', async () => {
    const { store, storebridge } = scenario;
    const count = async (table: 'documents' | 'gl_entries' | 'stock_movements') =>
      Number(
        (
          await store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = {
      documents: await count('documents'),
      gl: await count('gl_entries'),
      stock: await count('stock_movements'),
    };
    const sync = await storebridge.syncOrders();
    expect(sync).toMatchObject({ errors: [] });
    expect({
      documents: await count('documents'),
      gl: await count('gl_entries'),
      stock: await count('stock_movements'),
    }).toEqual(before);
    const orderId = (await exportState())[paid]!;
    const imported = await storebridge.order(orderId);
    expect(imported).toMatchObject({ processed: true });
    expect((await storebridge.documents(orderId)).map((d) => [d.type, d.number])).toEqual([
      ['sales_invoice', paid],
    ]);
  });
});
