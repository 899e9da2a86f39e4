import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { Order } from '../../domain/order.ts';
import { createCustomer, findCustomerByNo } from '../../masterdata/index.ts';
import {
  chooseCustomer,
  customerFromOrder,
  type CustomerChoice,
  type CustomerChoiceOutcome,
  type CustomerChoiceSettings,
} from '../../rules/choose-customer.ts';
import {
  salesDocument,
  type DocumentDraft,
  type DocumentError,
  type SalesDocumentSettings,
} from '../../rules/sales-document.ts';
import { linkShopifyCustomer } from '../customers/customer-links.ts';
import { nextNumber } from '../numbering.ts';
import { findDocuments, insertDocument } from './documents-repository.ts';
import { loadCustomerMatches, loadExchangeRate, loadItemsBySku } from './load-document-inputs.ts';
import type { SalesDocument } from './sales-document.ts';

/** The shop settings documents depend on: ShopSettings and PublicShopSettings both fit. */
export type DocumentShopSettings = SalesDocumentSettings & CustomerChoiceSettings;

export interface CreateSalesDocumentsInput {
  shop: DocumentShopSettings;
  order: Order;
  /** Compute and return the documents without writing anything (no number, no customer). Default false. */
  dryRun?: boolean | undefined;
  /** seed 002 fix 1 for a missing customer: an operator assigns an existing customer no. Default: unset. */
  customerNo?: string | undefined;
  /** seed 002 fix 2: create the customer from the order with this template. Default: unset. */
  customerTemplateCode?: string | undefined;
}

export type CreateSalesDocumentsResult =
  { ok: true; documents: SalesDocument[]; created: boolean } | { ok: false; error: DocumentError };

/**
 * Creates the sales document of one Shopify order in the caller's transaction (seed 002 "Create
 * sales documents"): load (existing documents, customer, items, exchange rate) -> decide (pure
 * rules) -> write document, lines, numbers and any new customer. Idempotent: an order that
 * already has linked documents gets them back, and nothing is written.
 * Business outcomes (item not mapped, customer not found, ...) are returned, never half-written.
 */
export async function createSalesDocuments(
  trx: Kysely<Database>,
  input: CreateSalesDocumentsInput,
): Promise<CreateSalesDocumentsResult> {
  const { shop, order } = input;
  const existing = await findDocuments(trx, {
    shopCode: shop.code,
    shopifyOrderId: order.shopifyId,
    linkedOnly: true,
  });
  if (existing.length > 0) return { ok: true, documents: existing, created: false };
  const choice = await decideCustomer(trx, input);
  if (!choice.ok) return { ok: false, error: choice.error };
  const customer =
    choice.choice.kind === 'existing' ? await findCustomerByNo(trx, choice.choice.customerNo) : undefined;
  if (choice.choice.kind === 'existing' && !customer) return customerGone(order, choice.choice.customerNo);
  const outcome = salesDocument({
    order,
    settings: shop,
    itemsBySku: await loadItemsBySku(trx, order),
    customer: {
      no: customer?.no ?? null,
      billingAddress:
        customer?.billingAddress ??
        (choice.choice.kind === 'create' ? customerFromOrder(order).billingAddress : null),
    },
    exchangeRate: await loadExchangeRate(trx, order, shop),
  });
  if (!outcome.ok) return outcome;
  if (input.dryRun) return { ok: true, documents: [preview(outcome.document)], created: false };
  const customerNo = await persistCustomer(trx, shop.code, choice.choice);
  const document = await persistDocument(trx, { ...outcome.document, customerNo });
  return { ok: true, documents: [document], created: true };
}

async function decideCustomer(
  trx: Kysely<Database>,
  input: CreateSalesDocumentsInput,
): Promise<CustomerChoiceOutcome> {
  const { order, shop } = input;
  // Assigned to this order only: mapping the Shopify customer for later orders is fix 3 (linkShopifyCustomer).
  if (input.customerNo !== undefined)
    return {
      ok: true,
      choice: { kind: 'existing', customerNo: input.customerNo, reason: 'assigned_by_operator', link: null },
    };
  if (input.customerTemplateCode !== undefined) {
    const forced = {
      ...shop,
      autoCreateUnknownCustomers: true,
      customerTemplates: [],
      customerTemplateCode: input.customerTemplateCode,
      companyTemplateCode: input.customerTemplateCode,
    };
    return chooseCustomer(order, forced, {});
  }
  return chooseCustomer(order, shop, await loadCustomerMatches(trx, shop.code, order));
}

function customerGone(order: Order, customerNo: string): CreateSalesDocumentsResult {
  return {
    ok: false,
    error: {
      code: 'customer_not_found',
      message: `Order ${order.name}: customer ${customerNo} does not exist in the master data; import it or assign another customer`,
    },
  };
}

/** A new customer gets the next "customer" number; a found or created one is linked for "by ID" next time. */
async function persistCustomer(
  trx: Kysely<Database>,
  shopCode: string,
  choice: CustomerChoice,
): Promise<string> {
  let customerNo: string;
  if (choice.kind === 'create') {
    customerNo = await nextNumber(trx, 'customer');
    await createCustomer(trx, { no: customerNo, ...choice.customer });
  } else customerNo = choice.customerNo;
  if (choice.link) await linkShopifyCustomer(trx, { shopCode, link: choice.link, customerNo });
  return customerNo;
}

async function persistDocument(
  trx: Kysely<Database>,
  draft: DocumentDraft & { customerNo: string },
): Promise<SalesDocument> {
  const number = await nextNumber(trx, draft.type);
  const document = { ...draft, id: null, number, shopifyRefundId: null, unlinked: false };
  const id = await insertDocument(trx, document);
  return { ...document, id };
}

function preview(draft: DocumentDraft): SalesDocument {
  return { ...draft, id: null, number: null, shopifyRefundId: null, unlinked: false };
}
