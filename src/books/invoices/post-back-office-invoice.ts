import type { Kysely } from 'kysely';
import { authorize, type Actor } from '../../access/index.ts';
import type { Database } from '../../db/index.ts';
import {
  findCustomerByNo,
  findGlAccountByNo,
  findItemByNo,
  findLocationByCode,
} from '../../masterdata/index.ts';
import type { Money } from '../../money/index.ts';
import { backOfficeInvoice, type BackOfficeLineInput } from '../../rules/back-office-invoice.ts';
import { localDate } from '../../rules/local-date.ts';
import { posting } from '../../rules/posting.ts';
import { saleStockMovements } from '../../rules/sale-stock.ts';
import { ConfigurationError, NotFoundError, type ValidationIssue } from '../../shared/errors.ts';
import { getShopConnection, type PublicShopSettings } from '../../shops/index.ts';
import { insertDocuments } from '../documents/documents-repository.ts';
import { noRefundFields, type BooksDocument } from '../documents/sales-document.ts';
import { findExchangeRate } from '../exchange-rates/find-exchange-rate.ts';
import { insertGlEntries } from '../gl/gl-entries-repository.ts';
import { nextNumber } from '../numbering.ts';
import { writeStockMovements } from '../stock/write-stock-movements.ts';
import { invalid, parseInvoiceInput, type ParsedInvoice } from './parse-invoice-input.ts';

export interface PostInvoiceDeps {
  db: Kysely<Database>;
  secretKey: Buffer;
  /** The clock of the posting time and the default document date (Default: the system clock). */
  now?: (() => Date) | undefined;
}

export interface PostedInvoice {
  document: BooksDocument;
  /** What the customer still owes on it. */
  remainingAmount: Money;
}

/**
 * Creates and posts a sales invoice made in the back office (issue 8 item 6): checks every field
 * against the master data and the shop (each bad one named, `lines.1.no`), computes the lines
 * (rules/back-office-invoice.ts), and in one transaction numbers it from the sales invoice
 * series, writes it, posts its G/L entries with the invoice posting every imported invoice gets
 * (rules/posting.ts: Dr receivable, Cr revenue and tax), takes its inventory items out of stock
 * and opens its export state (seed 002 "Shopify Order ID" 0). Nothing is written on any error.
 */
export async function postBackOfficeInvoice(
  deps: PostInvoiceDeps,
  actor: Actor,
  input: unknown,
): Promise<PostedInvoice> {
  // Posting a back-office invoice feeds the export; no action fits better (brief: invoices.export).
  authorize(actor, 'invoices.export');
  const shop = await shopOf(deps, input);
  const invoice = parseInvoiceInput(input, () => shop.shopCurrency ?? shop.localCurrency);
  const { lines: inputs, stocked } = await checkAgainstMasterData(deps.db, invoice);
  const computed = backOfficeInvoice(inputs, invoice.currency);
  if (!computed.ok)
    throw invalid(
      computed.problems.map((p) => ({ path: `lines.${p.index}.${p.field}`, message: p.message })),
    );
  const { draft } = computed;
  const remainingAmount = invoice.remainingAmount ?? draft.amountIncludingTax;
  if (remainingAmount.minor < 0 || remainingAmount.minor > draft.amountIncludingTax.minor)
    throw invalid([{ path: 'remainingAmount', message: 'must be between 0 and the amount including tax' }]);
  const now = (deps.now ?? (() => new Date()))();
  const documentDate = invoice.documentDate ?? localDate(now.toISOString(), shop.timeZone);
  const exchangeRate = await rateOf(deps.db, shop, invoice.currency, documentDate);

  return deps.db.transaction().execute(async (trx) => {
    const number = await nextNumber(trx, 'sales_invoice');
    const lines = draft.lines.map((line) => ({ ...line, ...noRefundFields }));
    const posted = posting(
      {
        type: 'sales_invoice',
        reference: `Invoice ${number}`,
        currency: invoice.currency,
        exchangeRate,
        lines,
      },
      shop,
    );
    if (!posted.ok) throw new ConfigurationError(`${posted.error.field}: ${posted.error.message}`);
    const document: BooksDocument & { number: string; customerNo: string } = {
      id: null,
      type: 'sales_invoice',
      number,
      status: 'posted',
      shopCode: shop.code,
      // Not from a Shopify order: empty until the export links it (migration 0016).
      shopifyOrderId: '',
      shopifyOrderName: '',
      shopifyRefundId: null,
      customerNo: invoice.customerNo,
      currency: invoice.currency,
      exchangeRate,
      documentDate,
      shipmentMethodCode: null,
      shippingAgentCode: null,
      shippingAgentServiceCode: null,
      taxAreaCode: null,
      lines,
      amount: draft.amount,
      taxAmount: draft.taxAmount,
      amountIncludingTax: draft.amountIncludingTax,
      unlinked: false,
      appliesTo: null,
      paymentMethod: null,
      paidFromAccount: null,
      paymentReference: null,
      shopifyTransactionId: null,
      postedAt: now.toISOString(),
      reflectedRefundIds: [],
    };
    const [id] = await insertDocuments(trx, [document]);
    await insertGlEntries(trx, [
      {
        shopCode: shop.code,
        postingDate: documentDate,
        documentType: 'sales_invoice',
        documentNo: number,
        lines: posted.lines,
      },
    ]);
    // Inventory items leave their location; service items, G/L lines and comments carry no goods.
    const stockLines = lines.filter((line) => stocked.has(line.lineNo));
    await writeStockMovements(
      trx,
      saleStockMovements({ type: 'sales_invoice', lines: stockLines }).map((m) => ({
        itemNo: m.itemNo,
        locationCode: m.locationCode,
        quantity: m.quantity,
        kind: 'sale' as const,
        voucherType: 'sales_invoice' as const,
        voucherNo: number,
        voucherLineNo: m.lineNo,
      })),
    );
    await trx
      .insertInto('invoice_exports')
      .values({
        document_id: id!,
        shop_code: shop.code,
        document_no: number,
        remaining_amount_minor: remainingAmount.minor,
      })
      .execute();
    return { document: { ...document, id: id! }, remainingAmount };
  });
}

/** The shop the invoice names, or `shop: ...` when there is none. */
async function shopOf(deps: PostInvoiceDeps, input: unknown): Promise<PublicShopSettings> {
  const code = (input as { shop?: unknown } | null)?.shop;
  if (typeof code !== 'string' || code.trim() === '')
    throw invalid([{ path: 'shop', message: 'is required: the shop whose accounts the invoice posts with' }]);
  try {
    return (await getShopConnection(deps, code.trim())).settings;
  } catch (error) {
    if (error instanceof NotFoundError)
      throw invalid([{ path: 'shop', message: `shop "${code}" does not exist` }]);
    throw error;
  }
}

/**
 * Every number the invoice names must exist, each missing one named by its field; inventory
 * items need a location and whole units (the stock ledger counts units). Answers the lines for
 * the rules and the line nos. that move stock.
 */
async function checkAgainstMasterData(
  db: Kysely<Database>,
  invoice: ParsedInvoice,
): Promise<{ lines: BackOfficeLineInput[]; stocked: Set<number> }> {
  const issues: ValidationIssue[] = [];
  if (!(await findCustomerByNo(db, invoice.customerNo)))
    issues.push({ path: 'customerNo', message: `customer ${invoice.customerNo} does not exist` });
  const stocked = new Set<number>();
  const lines: BackOfficeLineInput[] = [];
  for (const [index, line] of invoice.lines.entries()) {
    const at = `lines.${index}`;
    let description = line.description ?? '';
    if (line.type === 'item') {
      const item = await findItemByNo(db, line.no!);
      if (!item) issues.push({ path: `${at}.no`, message: `item ${line.no} does not exist` });
      else {
        description ||= item.description;
        if (item.type === 'inventory') {
          stocked.add(index + 1);
          if (!Number.isInteger(line.quantity))
            issues.push({
              path: `${at}.quantity`,
              message: `item ${item.no} is kept in stock in whole units`,
            });
          if (line.locationCode === null)
            issues.push({
              path: `${at}.locationCode`,
              message: `is required: item ${item.no} is kept in stock`,
            });
        }
      }
      if (line.locationCode !== null && !(await findLocationByCode(db, line.locationCode)))
        issues.push({ path: `${at}.locationCode`, message: `location ${line.locationCode} does not exist` });
    }
    if (line.type === 'gl_account' && !(await findGlAccountByNo(db, line.no!)))
      issues.push({ path: `${at}.no`, message: `G/L account ${line.no} does not exist` });
    lines.push({ ...line, description });
  }
  if (issues.length > 0) throw invalid(issues);
  return { lines, stocked };
}

/** Local currency per unit of the invoice's currency on its date; null in the local currency. */
async function rateOf(
  db: Kysely<Database>,
  shop: PublicShopSettings,
  currency: string,
  date: string,
): Promise<string | null> {
  if (currency === shop.localCurrency) return null;
  const rate = await findExchangeRate(db, currency, date);
  if (!rate)
    throw invalid([
      { path: 'currency', message: `no exchange rate from ${currency} to ${shop.localCurrency} on ${date}` },
    ]);
  return rate.rate;
}
