import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { Order } from '../../domain/order.ts';
import {
  chooseCustomer,
  customerFromOrder,
  type CustomerChoice,
  type CustomerChoiceOutcome,
} from '../../rules/choose-customer.ts';
import { salesDocument, type DocumentDraft } from '../../rules/sales-document.ts';
import { writeCustomerLinks } from '../customers/customer-links.ts';
import { insertGlEntries } from '../gl/gl-entries-repository.ts';
import { postDocument } from '../gl/post-document.ts';
import { numberEach } from '../numbering.ts';
import { writeStockMovements, type StockMovement } from '../stock/write-stock-movements.ts';
import { saleStockMovements, shippedAt, type SaleStockMovement } from '../../rules/sale-stock.ts';
import type { PostingLine } from '../../rules/posting.ts';
import type { CreateSalesDocumentsResult, DocumentShopSettings } from './create-sales-documents.ts';
import { linkExportedInvoices } from '../invoices/link-exported-invoices.ts';
import { isSalesDocument } from './document-rows.ts';
import { findLinkedDocumentsOfOrders, insertDocuments } from './documents-repository.ts';
import { loadDocumentInputs, type DocumentInputs, type OrderToDocument } from './load-document-inputs.ts';
import { noRefundFields, type SalesDocument } from './sales-document.ts';

export type { OrderToDocument } from './load-document-inputs.ts';

export interface CreateSalesDocumentsForOrdersInput {
  shop: DocumentShopSettings;
  orders: readonly OrderToDocument[];
  /** Each order as its own dry run: nothing written, so no order sees another's customer. Default false. */
  dryRun?: boolean | undefined;
  /** The clock that stamps postedAt (Default: the system clock). */
  now?: (() => Date) | undefined;
}

/** A draft (posted or not) waiting for the batch's numbers, at its place in the results. */
type Pending = {
  draft: SalesDocumentDraft & { customerNo: string };
  posting: PostingLine[];
  stock: SaleStockMovement[];
};
/** An order documented earlier in the same batch: it gets those documents back once they are written. */
type DocumentedEarlier = { again: string };
type Slot = CreateSalesDocumentsResult | Pending | DocumentedEarlier;

/**
 * createSalesDocuments for a batch of orders in the caller's transaction, in a constant number of
 * statements: results[i], and what is written, are what calling it for each order in turn would
 * give (same numbers in the same order, same customers created and linked; a refusal writes
 * nothing for its order and the others go on). Reads everything up front (one statement per
 * kind), decides each order with the rules in order while keeping what earlier orders created,
 * then writes numbers (one statement per series), documents, lines and customer links.
 * New customers are rare and written as they are created (two statements each).
 */
export async function createSalesDocumentsForOrders(
  trx: Kysely<Database>,
  input: CreateSalesDocumentsForOrdersInput,
): Promise<CreateSalesDocumentsResult[]> {
  const { shop, orders } = input;
  const ids = orders.map((entry) => entry.order.shopifyId);
  if (!input.dryRun)
    await linkExportedInvoices(
      trx,
      shop.code,
      orders.map((entry) => entry.order),
    );
  const existing = await findLinkedDocumentsOfOrders(trx, shop.code, ids);
  const inputs = await loadDocumentInputs(
    trx,
    shop,
    orders.filter((entry) => !existing.has(entry.order.shopifyId)),
  );
  const documented = new Set<string>();
  const slots: Slot[] = [];
  for (const entry of orders) {
    const id = entry.order.shopifyId;
    const found = existing.get(id);
    if (found) slots.push({ ok: true, documents: found.filter(isSalesDocument), created: false });
    else if (documented.has(id)) slots.push({ again: id });
    else {
      const slot = await decideOrder(inputs, shop, entry, input.dryRun ?? false);
      if ('draft' in slot) documented.add(id);
      slots.push(slot);
    }
  }
  return writeBatch(trx, shop.code, slots, inputs, input.now ?? (() => new Date()));
}

async function decideOrder(
  inputs: DocumentInputs,
  shop: DocumentShopSettings,
  entry: OrderToDocument,
  dryRun: boolean,
): Promise<CreateSalesDocumentsResult | Pending> {
  const { order } = entry;
  const choice = await decideCustomer(inputs, shop, entry);
  if (!choice.ok) return { ok: false, error: choice.error };
  const chosen = choice.choice;
  const customer = chosen.kind === 'existing' ? inputs.customers.customer(chosen.customerNo) : undefined;
  if (chosen.kind === 'existing' && !customer) return customerGone(order, chosen.customerNo);
  const outcome = salesDocument({
    order,
    settings: shop,
    itemsBySku: inputs.itemsFor(order),
    customer: {
      no: customer?.no ?? null,
      billingAddress:
        customer?.billingAddress ??
        (chosen.kind === 'create' ? customerFromOrder(order).billingAddress : null),
    },
    exchangeRate: inputs.rateFor(order),
  });
  if (!outcome.ok) return outcome;
  const draft = asPosted(outcome.document, order);
  // Posted in the same transaction (DESIGN.md "books/"): a posting that cannot be made refuses
  // the order before anything of it is written, a new customer included.
  const posting = postDocument(draft, shop);
  if (!posting.ok) return { ok: false, error: posting.error };
  if (dryRun) return { ok: true, documents: [preview(draft)], created: false };
  const customerNo = await persistCustomer(inputs, chosen);
  const counted = { shippedAt: shippedAt(order), stockCountedAt: shop.stockCountedAt };
  return {
    draft: { ...draft, customerNo },
    posting: posting.lines,
    stock: saleStockMovements(draft, counted),
  };
}

/** The rules' draft as books stores it: invoices and cash sales posted, the order's refunds so far noted. */
type SalesDocumentDraft = Omit<SalesDocument, 'id' | 'number' | 'postedAt'>;

function asPosted(draft: DocumentDraft, order: Order): SalesDocumentDraft {
  return {
    ...draft,
    status: draft.type === 'sales_order' ? draft.status : 'posted',
    lines: draft.lines.map((line) => ({ ...line, ...noRefundFields })),
    shopifyRefundId: null,
    unlinked: false,
    appliesTo: null,
    paymentMethod: null,
    paidFromAccount: null,
    paymentReference: null,
    shopifyTransactionId: null,
    // The document takes the lines' current quantities: refunds made so far are in it (docs/refunds.md).
    reflectedRefundIds: order.refunds.map((refund) => refund.shopifyId),
  };
}

async function decideCustomer(
  inputs: DocumentInputs,
  shop: DocumentShopSettings,
  entry: OrderToDocument,
): Promise<CustomerChoiceOutcome> {
  const { order } = entry;
  // Assigned to this order only: mapping the Shopify customer for later orders is fix 3 (linkShopifyCustomer).
  if (entry.customerNo !== undefined)
    return {
      ok: true,
      choice: { kind: 'existing', customerNo: entry.customerNo, reason: 'assigned_by_operator', link: null },
    };
  if (entry.customerTemplateCode !== undefined) {
    const forced = {
      ...shop,
      autoCreateUnknownCustomers: true,
      customerTemplates: [],
      customerTemplateCode: entry.customerTemplateCode,
      companyTemplateCode: entry.customerTemplateCode,
    };
    return chooseCustomer(order, forced, {});
  }
  return chooseCustomer(order, shop, await inputs.customers.matches(order));
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
async function persistCustomer(inputs: DocumentInputs, choice: CustomerChoice): Promise<string> {
  const customerNo =
    choice.kind === 'create' ? await inputs.customers.create(choice.customer) : choice.customerNo;
  if (choice.link) inputs.customers.link(choice.link, customerNo);
  return customerNo;
}

/** Numbers, documents, lines and links for the whole batch; then the results in order. */
async function writeBatch(
  trx: Kysely<Database>,
  shopCode: string,
  slots: readonly Slot[],
  inputs: DocumentInputs,
  now: () => Date,
): Promise<CreateSalesDocumentsResult[]> {
  const pending = slots.filter((slot): slot is Pending => 'draft' in slot);
  const written = await persistDocuments(trx, pending, now().toISOString());
  await writeCustomerLinks(trx, shopCode, inputs.customers.linksToWrite);
  const again = slots.flatMap((slot) => ('again' in slot ? [slot.again] : []));
  const reread = await findLinkedDocumentsOfOrders(trx, shopCode, again);
  return slots.map((slot) => {
    if ('draft' in slot) return { ok: true, documents: [written.shift()!], created: true };
    if ('again' in slot)
      return { ok: true, documents: (reread.get(slot.again) ?? []).filter(isSalesDocument), created: false };
    return slot;
  });
}

/**
 * Each series is advanced once for the batch; numbers go to the drafts in order, as one by one.
 * The postings of the batch's invoices and cash sales are one more statement, their stock
 * movements another.
 */
async function persistDocuments(
  trx: Kysely<Database>,
  pending: readonly Pending[],
  postedAt: string,
): Promise<SalesDocument[]> {
  const numbers = await numberEach(
    trx,
    pending.map(({ draft }) => draft.type),
  );
  const documents = pending.map(({ draft }, index) => ({
    ...draft,
    id: null,
    number: numbers[index]!,
    postedAt: draft.status === 'posted' ? postedAt : null,
  }));
  const ids = await insertDocuments(trx, documents);
  await insertGlEntries(
    trx,
    documents.map((document, index) => ({
      shopCode: document.shopCode,
      postingDate: document.documentDate,
      documentType: document.type,
      documentNo: document.number,
      lines: pending[index]!.posting,
    })),
  );
  await writeStockMovements(
    trx,
    documents.flatMap((document, index) => saleMovements(document, pending[index]!.stock)),
  );
  return documents.map((document, index) => ({ ...document, id: ids[index]! }));
}

/** Invoiced goods leave stock with the document (rules/sale-stock.ts), the document as voucher. */
function saleMovements(
  document: { type: SalesDocument['type']; number: string },
  moves: readonly SaleStockMovement[],
): StockMovement[] {
  if (document.type === 'sales_order') return [];
  const voucherType = document.type;
  return moves.map((m) => ({
    itemNo: m.itemNo,
    locationCode: m.locationCode,
    quantity: m.quantity,
    kind: 'sale',
    voucherType,
    voucherNo: document.number,
    voucherLineNo: m.lineNo,
  }));
}

function preview(draft: SalesDocumentDraft): SalesDocument {
  return { ...draft, id: null, number: null, postedAt: null };
}
