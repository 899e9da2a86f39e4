import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ seed: { kind: 'demo', orders: 0 } });
});
afterAll(() => h.emulator.close());

const create = `mutation ($input: DraftOrderInput!) { draftOrderCreate(input: $input) {
  draftOrder { id taxExempt tags lineItems(first: 5) { nodes { sku custom } } } userErrors { field message } } }`;
const complete = `mutation ($id: ID!) { draftOrderComplete(id: $id) { draftOrder { status order {
  id taxExempt displayFinancialStatus totalTaxSet { shopMoney { amount } } totalPriceSet { shopMoney { amount } }
  lineItems(first: 5) { nodes { sku title } } } } userErrors { field message } } }`;

type Created = {
  draftOrderCreate: {
    draftOrder: {
      id: string;
      taxExempt: boolean;
      tags: string[];
      lineItems: { nodes: { sku: string | null; custom: boolean }[] };
    } | null;
    userErrors: { field: string[]; message: string }[];
  };
};
type Completed = {
  draftOrderComplete: {
    draftOrder: {
      status: string;
      order: {
        taxExempt: boolean;
        displayFinancialStatus: string;
        totalTaxSet: { shopMoney: { amount: string } };
        totalPriceSet: { shopMoney: { amount: string } };
      };
    };
  };
};

const customLines = [
  {
    title: '1000 Tee',
    sku: '1000',
    quantity: 2,
    originalUnitPriceWithCurrency: { amount: '22.50', currencyCode: 'USD' },
    taxable: false,
    requiresShipping: false,
  },
  {
    title: 'Tax',
    quantity: 1,
    originalUnitPriceWithCurrency: { amount: '3.60', currencyCode: 'USD' },
    taxable: false,
    requiresShipping: false,
  },
];

describe('draft orders as an invoice export makes them (DraftOrderInput taxExempt, paymentTerms, custom SKU)', () => {
  it('a tax-exempt draft of custom items becomes a tax-exempt order, paid when it has no payment terms', async () => {
    const draft = await h.gql<Created>(create, {
      input: { lineItems: customLines, taxExempt: true, tags: ['inv-SI-1'] },
    });
    expect(draft.data.draftOrderCreate.draftOrder).toMatchObject({
      taxExempt: true,
      lineItems: {
        nodes: [
          { sku: '1000', custom: true },
          { sku: null, custom: true },
        ],
      },
    });
    const done = await h.gql<Completed>(complete, { id: draft.data.draftOrderCreate.draftOrder!.id });
    expect(done.data.draftOrderComplete.draftOrder).toMatchObject({
      status: 'COMPLETED',
      order: {
        taxExempt: true,
        displayFinancialStatus: 'PAID',
        totalTaxSet: { shopMoney: { amount: '0.00' } },
        totalPriceSet: { shopMoney: { amount: '48.60' } },
      },
    });
  });

  it('with payment terms the order is created with payment pending; an unknown template is refused', async () => {
    const draft = await h.gql<Created>(create, {
      input: {
        lineItems: customLines,
        paymentTerms: { paymentTermsTemplateId: 'gid://shopify/PaymentTermsTemplate/4' },
      },
    });
    const done = await h.gql<Completed>(complete, { id: draft.data.draftOrderCreate.draftOrder!.id });
    expect(done.data.draftOrderComplete.draftOrder.order.displayFinancialStatus).toBe('PENDING');
    const refused = await h.gql<Created>(create, {
      input: {
        lineItems: customLines,
        paymentTerms: { paymentTermsTemplateId: 'gid://shopify/PaymentTermsTemplate/999' },
      },
    });
    expect(refused.data.draftOrderCreate).toEqual({
      draftOrder: null,
      userErrors: [
        {
          field: ['paymentTerms', 'paymentTermsTemplateId'],
          message: 'Payment terms template does not exist',
        },
      ],
    });
  });

  it('draftOrders(query: "tag:...") finds a draft by a whole tag', async () => {
    await h.gql<Created>(create, {
      input: { lineItems: customLines, tags: ['storebridge-invoice-SI-000010'] },
    });
    await h.gql<Created>(create, {
      input: { lineItems: customLines, tags: ['storebridge-invoice-SI-0000101'] },
    });
    const found = await h.gql<{ draftOrders: { nodes: { tags: string[] }[] } }>(
      `query ($q: String) { draftOrders(first: 5, query: $q) { nodes { tags } } }`,
      { q: 'tag:storebridge-invoice-SI-000010' },
    );
    expect(found.data.draftOrders.nodes).toEqual([{ tags: ['storebridge-invoice-SI-000010'] }]);
  });
});
