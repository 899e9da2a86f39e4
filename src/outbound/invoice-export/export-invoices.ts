import type { Kysely } from 'kysely';
import { authorizeOrAudit, recordAudit, type Actor } from '../../access/index.ts';
import {
  findInvoiceExports,
  findShopifyLinkOfCustomer,
  recordDraftOrder,
  recordInvoiceExported,
  recordInvoiceNotExported,
  type InvoiceExport,
} from '../../books/index.ts';
import type { Database } from '../../db/index.ts';
import {
  invoiceExportDecision,
  invoiceTag,
  type DraftOrderPlan,
  type PaidStatus,
} from '../../rules/invoice-export.ts';
import { AppError, ConflictError } from '../../shared/errors.ts';
import {
  completeInvoiceDraftOrder,
  createInvoiceDraftOrder,
  findInvoiceDraftOrder,
  fulfillInvoiceOrder,
  ShopifyUserError,
  type ShopifyClient,
} from '../../shopify/index.ts';
import { getShopConnection, type ShopConnection } from '../../shops/index.ts';
import { shopifyClientFor } from '../../shops/index.ts';

export interface ExportInvoicesDeps {
  db: Kysely<Database>;
  secretKey: Buffer;
  /** The shop's Shopify client (Default: one made from the shop's connection settings). */
  clientFor?: ((connection: ShopConnection) => ShopifyClient) | undefined;
}

export type InvoiceExportResult =
  | {
      documentNo: string;
      outcome: 'exported';
      shopifyOrderId: string;
      orderName: string;
      paidStatus: PaidStatus;
    }
  | { documentNo: string; outcome: 'excluded'; code: string; message: string }
  /** `retryable`: Shopify could not be reached; the invoice stays at 0 and the next run tries again. */
  | { documentNo: string; outcome: 'failed'; code: string; message: string; retryable: boolean };

/**
 * seed 002 "Sync Posted Invoices to Shopify" for one shop (the CLI, the API, and later the job
 * queue): every back-office invoice at "Shopify Order ID" 0 is decided by the seed's conditions
 * (rules/invoice-export.ts), then either excluded (-2, with the reason; nothing sent) or made in
 * Shopify: draft order -> completed order -> fulfilled, and the order id written back. Shopify's
 * refusal is kept as -1 with its message. Each invoice stands alone and is audited with Shopify's
 * answer. Idempotent: an exported invoice is never a candidate again, and an invoice whose draft
 * was made before a crash gets that draft completed, found by the id kept or by its tag.
 * Calls to Shopify happen outside any transaction; each result is written in one.
 */
export async function exportInvoices(
  deps: ExportInvoicesDeps,
  actor: Actor,
  input: { shopCode: string },
): Promise<InvoiceExportResult[]> {
  const { shopCode } = input;
  const request = { shop: shopCode };
  await authorizeOrAudit(deps.db, { actor, action: 'invoices.export', shopCode, request });
  const connection = await getShopConnection(deps, shopCode);
  const settings = connection.settings;
  if (!settings.invoiceExport.enabled) {
    await recordAudit(deps.db, { actor, action: 'invoices.export', shopCode, request, outcome: 'refused' });
    throw new ConflictError(
      `invoiceExport.enabled: the posted invoice export is off for shop "${shopCode}" (storebridge shop set ${shopCode} invoiceExport.enabled=true)`,
    );
  }
  const client = (deps.clientFor ?? shopifyClientFor)(connection);
  const exportSettings = {
    shopCurrency: settings.shopCurrency ?? settings.localCurrency,
    defaultCustomerNos: [
      settings.defaultCustomerNo,
      settings.defaultCompanyNo,
      ...settings.customerTemplates.map((template) => template.defaultCustomerNo),
    ].filter((no): no is string => no !== undefined),
    paymentTermsTemplateId: settings.invoiceExport.paymentTermsTemplateId,
  };
  const results: InvoiceExportResult[] = [];
  for (const invoice of await findInvoiceExports(deps.db, shopCode, { state: 'not_exported' })) {
    const link = await findShopifyLinkOfCustomer(deps.db, shopCode, invoice.document.customerNo);
    const decision = invoiceExportDecision(toRule(invoice), link, exportSettings);
    if (decision.kind === 'not_candidate') continue;
    const audit = {
      actor,
      action: 'invoices.export' as const,
      shopCode,
      target: `invoice ${invoice.document.number}`,
      request,
    };
    if (decision.kind === 'exclude') {
      await deps.db.transaction().execute(async (trx) => {
        await recordInvoiceNotExported(trx, invoice.document.id, { state: 'excluded', ...decision });
        await recordAudit(trx, { ...audit, outcome: 'refused', shopifyAnswer: { excluded: decision.code } });
      });
      results.push({
        documentNo: invoice.document.number,
        outcome: 'excluded',
        code: decision.code,
        message: decision.message,
      });
      continue;
    }
    results.push(await exportOne(deps.db, client, invoice, decision.draft, audit));
  }
  return results;
}

type Audit = Omit<Parameters<typeof recordAudit>[1], 'outcome'>;

async function exportOne(
  db: Kysely<Database>,
  client: ShopifyClient,
  invoice: InvoiceExport,
  draft: DraftOrderPlan,
  audit: Audit,
): Promise<InvoiceExportResult> {
  const documentNo = invoice.document.number;
  try {
    let made = await findInvoiceDraftOrder(client, {
      draftOrderId: invoice.shopifyDraftOrderId,
      tag: invoiceTag(documentNo),
    });
    if (!made) {
      made = await createInvoiceDraftOrder(client, {
        ...draft,
        note: `Sales invoice ${documentNo}, posted in the back office`,
      });
    }
    // Kept before completing: a re-run after a crash completes this draft instead of making another.
    if (made.draftOrderId !== invoice.shopifyDraftOrderId)
      await recordDraftOrder(db, invoice.document.id, made.draftOrderId);
    const order = made.order ?? (await completeInvoiceDraftOrder(client, made.draftOrderId));
    const fulfilled = await fulfillInvoiceOrder(client, order.shopifyOrderId);
    const answer = {
      draftOrderId: made.draftOrderId,
      ...order,
      paidStatus: draft.paidStatus,
      fulfillmentOrdersFulfilled: fulfilled,
    };
    await db.transaction().execute(async (trx) => {
      await recordInvoiceExported(trx, invoice.document.id, order);
      await recordAudit(trx, { ...audit, outcome: 'succeeded', shopifyAnswer: answer });
    });
    return {
      documentNo,
      outcome: 'exported',
      shopifyOrderId: order.shopifyOrderId,
      orderName: order.name,
      paidStatus: draft.paidStatus,
    };
  } catch (error) {
    const retryable = error instanceof AppError && error.retryable;
    const code = error instanceof AppError ? error.code : 'unexpected_error';
    const message = error instanceof Error ? error.message : String(error);
    const answer = error instanceof ShopifyUserError ? { userErrors: error.userErrors } : { error: message };
    await db.transaction().execute(async (trx) => {
      // seed 002 "Export failed: set -1"; an outage is not a failure of this invoice: it stays at 0.
      if (!retryable)
        await recordInvoiceNotExported(trx, invoice.document.id, { state: 'failed', code, message });
      await recordAudit(trx, { ...audit, outcome: 'failed', shopifyAnswer: answer });
    });
    // A bug is recorded like a refusal (the invoice waits for a reset) and then surfaces.
    if (!(error instanceof AppError)) throw error;
    return { documentNo, outcome: 'failed', code, message, retryable };
  }
}

function toRule(invoice: InvoiceExport) {
  const { document } = invoice;
  return {
    number: document.number,
    fromBackOffice: true,
    state: invoice.state,
    customerNo: document.customerNo,
    currency: document.currency,
    lines: document.lines,
    taxAmount: document.taxAmount,
    amountIncludingTax: document.amountIncludingTax,
    remainingAmount: invoice.remainingAmount,
  };
}
