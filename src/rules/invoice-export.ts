import { allocate, formatMoney, money, type Money } from '../money/index.ts';
import type { LineType } from './sales-document-lines.ts';

/**
 * Which posted sales invoices go to Shopify and as what (seed 002 "Export posted sales invoices to
 * Shopify"). Pure: the invoice, its customer's Shopify link and the shop's settings come in; out
 * comes the draft order to make, or why the invoice is excluded (the seed's "-2"), or that it is
 * not a candidate at all (from Shopify, already exported, waiting for a reset). An accountant's
 * reading of the seed's conditions:
 * - the invoice was made in the back office, not from a Shopify order ("Shopify Order ID" is 0);
 * - its customer is mapped to a Shopify customer and is not a default customer of the shop card or
 *   a customer template (POS/anonymous sales must not land on one buyer's account);
 * - it has at least one non-comment line with a No.;
 * - Shopify takes whole quantities only, no negative prices, and the shop's own currency;
 * - an invoice not fully paid needs the shop's payment terms mapping, so that Shopify creates its
 *   order with payment pending instead of paid.
 */

/** The note attribute and tag an exported order carries: how a re-run or the order import finds it. */
export const invoiceAttributeKey = 'storebridge_invoice';
export function invoiceTag(invoiceNo: string): string {
  return `storebridge-invoice-${invoiceNo}`;
}

export type ExportState = 'not_exported' | 'exported' | 'failed' | 'excluded';

export interface InvoiceLineToExport {
  lineNo: number;
  type: LineType;
  no: string | null;
  description: string;
  /** May be a fraction on a back-office line. */
  quantity: number;
  /** Excluding tax, after the line discount. */
  amount: Money;
}

export interface InvoiceToExport {
  number: string;
  /** True for invoices posted in the back office; false for documents of a Shopify order. */
  fromBackOffice: boolean;
  state: ExportState;
  customerNo: string;
  currency: string;
  lines: readonly InvoiceLineToExport[];
  taxAmount: Money;
  amountIncludingTax: Money;
  /** What the customer still owes on it (the customer ledger entry's remaining amount). */
  remainingAmount: Money;
}

export interface InvoiceExportSettings {
  shopCurrency: string;
  /** The shop's defaultCustomerNo, defaultCompanyNo and every customer template's default customer. */
  defaultCustomerNos: readonly string[];
  paymentTermsTemplateId?: string | undefined;
}

/** The customer's mapping to this shop (customer_links). */
export interface CustomerLinkToExport {
  shopifyCustomerId: string | null;
  /** Mapped to a B2B company only. */
  company: boolean;
}

export type PaidStatus = 'paid' | 'partially_paid' | 'pending';

/** A custom item of the draft order (seed 002: items and other lines go as custom products). */
export interface DraftOrderLinePlan {
  title: string;
  /** The back-office no. (item, G/L account), kept as the custom item's SKU. */
  sku: string | null;
  quantity: number;
  unitPrice: Money;
}

export interface DraftOrderPlan {
  invoiceNo: string;
  shopifyCustomerId: string;
  lines: DraftOrderLinePlan[];
  /** seed 002: Shopify must not recalculate tax; the invoice's tax is a custom line. */
  taxExempt: true;
  paidStatus: PaidStatus;
  remainingAmount: Money;
  paymentTermsTemplateId: string | null;
  tags: string[];
  customAttributes: { key: string; value: string }[];
}

export type ExclusionCode =
  | 'customer_not_mapped'
  | 'company_not_supported'
  | 'default_customer'
  | 'no_line_with_no'
  | 'fractional_quantity'
  | 'negative_line'
  | 'currency_not_shop_currency'
  | 'payment_terms_not_mapped';

export type ExportDecision =
  | { kind: 'not_candidate'; why: 'from_shopify' | ExportState }
  | { kind: 'exclude'; code: ExclusionCode; message: string }
  | { kind: 'export'; draft: DraftOrderPlan };

export function invoiceExportDecision(
  invoice: InvoiceToExport,
  link: CustomerLinkToExport | null,
  settings: InvoiceExportSettings,
): ExportDecision {
  if (!invoice.fromBackOffice) return { kind: 'not_candidate', why: 'from_shopify' };
  if (invoice.state !== 'not_exported') return { kind: 'not_candidate', why: invoice.state };
  const refusal = exclusion(invoice, link, settings);
  if (refusal) return { kind: 'exclude', ...refusal };
  const paid = paidStatus(invoice);
  return {
    kind: 'export',
    draft: {
      invoiceNo: invoice.number,
      shopifyCustomerId: link!.shopifyCustomerId!,
      lines: draftLines(invoice),
      taxExempt: true,
      paidStatus: paid,
      remainingAmount: invoice.remainingAmount,
      paymentTermsTemplateId: paid === 'paid' ? null : settings.paymentTermsTemplateId!,
      tags: [invoiceTag(invoice.number)],
      customAttributes: [
        { key: invoiceAttributeKey, value: invoice.number },
        ...(paid === 'partially_paid'
          ? [
              {
                key: 'storebridge_remaining_amount',
                value: `${formatMoney(invoice.remainingAmount)} ${invoice.currency}`,
              },
            ]
          : []),
      ],
    },
  };
}

function exclusion(
  invoice: InvoiceToExport,
  link: CustomerLinkToExport | null,
  settings: InvoiceExportSettings,
): { code: ExclusionCode; message: string } | null {
  const no = invoice.number;
  if (settings.defaultCustomerNos.includes(invoice.customerNo))
    return {
      code: 'default_customer',
      message: `Invoice ${no}: customer ${invoice.customerNo} is a default customer of the shop or a customer template`,
    };
  if (!link || (link.shopifyCustomerId === null && !link.company))
    return {
      code: 'customer_not_mapped',
      message: `Invoice ${no}: customer ${invoice.customerNo} is not mapped to a Shopify customer of this shop`,
    };
  if (link.shopifyCustomerId === null)
    return {
      code: 'company_not_supported',
      message: `Invoice ${no}: customer ${invoice.customerNo} is mapped to a Shopify company only; exporting to B2B companies is not supported yet`,
    };
  const priced = invoice.lines.filter((line) => line.type !== 'comment');
  if (!priced.some((line) => line.no !== null && line.no !== ''))
    return { code: 'no_line_with_no', message: `Invoice ${no}: no line other than comments has a No.` };
  const fraction = priced.find((line) => !Number.isInteger(line.quantity));
  if (fraction)
    return {
      code: 'fractional_quantity',
      message: `Invoice ${no} line ${fraction.lineNo}: quantity ${fraction.quantity} is not whole; Shopify takes whole quantities only`,
    };
  const negative = priced.find((line) => line.quantity < 0 || line.amount.minor < 0);
  if (negative)
    return {
      code: 'negative_line',
      message: `Invoice ${no} line ${negative.lineNo}: a negative quantity or amount cannot be a Shopify line item`,
    };
  if (invoice.currency !== settings.shopCurrency)
    return {
      code: 'currency_not_shop_currency',
      message: `Invoice ${no} is in ${invoice.currency}; the shop sells in ${settings.shopCurrency}`,
    };
  if (invoice.remainingAmount.minor > 0 && settings.paymentTermsTemplateId === undefined)
    return {
      code: 'payment_terms_not_mapped',
      message: `Invoice ${no} is not fully paid and the shop has no invoiceExport.paymentTermsTemplateId: Shopify would record it as paid`,
    };
  return null;
}

/** seed 002: "Paid" or "Partially Paid" from the customer ledger entry; nothing paid is pending. */
export function paidStatus(
  invoice: Pick<InvoiceToExport, 'remainingAmount' | 'amountIncludingTax'>,
): PaidStatus {
  if (invoice.remainingAmount.minor === 0) return 'paid';
  return invoice.remainingAmount.minor < invoice.amountIncludingTax.minor ? 'partially_paid' : 'pending';
}

/**
 * One custom item per line with a quantity; a line whose amount does not divide by its quantity
 * becomes two custom items of the same line whose units differ by a cent (allocate), so that
 * quantities stay whole and the total stays the invoice's to the cent. Tax last, as one line.
 */
function draftLines(invoice: InvoiceToExport): DraftOrderLinePlan[] {
  const lines = invoice.lines
    .filter((line) => line.type !== 'comment' && line.quantity > 0)
    .flatMap((line) => {
      const title = line.no ? `${line.no} ${line.description}` : line.description;
      const units = allocate(
        line.amount,
        Array.from({ length: line.quantity }, () => 1),
      );
      const groups = new Map<number, number>();
      for (const unit of units) groups.set(unit.minor, (groups.get(unit.minor) ?? 0) + 1);
      return [...groups].map(([minor, quantity]) => ({
        title,
        sku: line.no,
        quantity,
        unitPrice: money(minor, line.amount.currency),
      }));
    });
  if (invoice.taxAmount.minor === 0) return lines;
  return [...lines, { title: 'Tax', sku: null, quantity: 1, unitPrice: invoice.taxAmount }];
}
