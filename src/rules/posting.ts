import { money, negate, sum, type Money } from '../money/index.ts';
import type { ShopSettings } from '../shops/index.ts';
import { convertBalanced } from './posting-currency.ts';
import type { LineType } from './sales-document.ts';

/**
 * Posting: the G/L lines a document becomes (DESIGN.md "books/": balanced G/L entries per
 * posting). Pure; books writes the lines. The accountant's reading:
 * - sales invoice: Dr receivable (amount incl. tax); Cr each line's revenue (item and item charge
 *   lines: accounts.sales; G/L account lines: their own account: gift cards sold, shipping, tips);
 *   Cr tax payable;
 * - cash sale: the same, Dr payment clearing instead of receivable (seed 000: paid at the sale);
 * - credit memo: the reverse of an invoice; an inventory credit memo the same, and being zero
 *   amount (seed 004 "zero-amount ICM") it posts nothing: stock only;
 * - a sales invoice made from a refund (a pricier exchange) is an invoice: a returned item's
 *   negative line is a debit;
 * - customer refund (seed 000): Dr receivable, Cr the account it was paid from.
 * Sales orders, sales order changes and inventory adjustments are not posted.
 * Amounts are the document's (the shop's money); the lines are in the local currency, converted
 * with the document's exchange rate (posting-currency.ts) and balanced to the cent.
 */
export type PostingSettings = Pick<ShopSettings, 'localCurrency' | 'accounts'>;

export type PostedDocumentType =
  'sales_invoice' | 'cash_sale' | 'credit_memo' | 'inventory_credit_memo' | 'customer_refund';

export const postedDocumentTypes: readonly string[] = [
  'sales_invoice',
  'cash_sale',
  'credit_memo',
  'inventory_credit_memo',
  'customer_refund',
] satisfies PostedDocumentType[];

export function isPosted(type: string): type is PostedDocumentType {
  return postedDocumentTypes.includes(type);
}

export interface PostingDocumentLine {
  type: LineType;
  no: string | null;
  description: string;
  /** Excluding tax. */
  amount: Money;
  taxAmount: Money;
}

interface PostingHeader {
  /** How the counter entries name the document: "Order #1001", "Refund 7001 of #1001". */
  reference: string;
  currency: string;
  /** Local currency per unit of `currency`; null when the document is in the local currency. */
  exchangeRate: string | null;
}

export type PostingDocument =
  | (PostingHeader & {
      type: Exclude<PostedDocumentType, 'customer_refund'>;
      lines: readonly PostingDocumentLine[];
    })
  | (PostingHeader & { type: 'customer_refund'; amount: Money; payFromAccount: string });

/** One G/L line: debit or credit in the local currency, and the signed document amount it comes from. */
export interface PostingLine {
  lineNo: number;
  accountNo: string;
  description: string;
  debit: Money;
  credit: Money;
  /** The document's amount, signed (debit +), in the document's currency. */
  source: Money;
}

export interface PostingError {
  code: 'account_not_set' | 'exchange_rate_missing';
  /** The setting to fix ("accounts.receivable"), or "exchangeRate". */
  field: string;
  message: string;
}

export type PostingOutcome = { ok: true; lines: PostingLine[] } | { ok: false; error: PostingError };

type AccountSetting = keyof PostingSettings['accounts'];

/** A signed amount on an account, or the setting it needs. */
interface Draft {
  account: string | { setting: AccountSetting };
  description: string;
  amount: Money;
}

export function posting(document: PostingDocument, settings: PostingSettings): PostingOutcome {
  const drafts = draftsOf(document).filter((draft) => draft.amount.minor !== 0);
  const missing = [
    ...new Set(drafts.flatMap((d) => (typeof d.account === 'string' ? [] : [d.account.setting]))),
  ].filter((setting) => settings.accounts[setting] === undefined);
  if (missing.length > 0) {
    const fields = missing.map((setting) => `accounts.${setting}`);
    return refuse(
      'account_not_set',
      fields[0]!,
      `${fields.join(', ')} not set: needed to post ${what(document)}`,
    );
  }
  const total = sum(
    drafts.map((d) => d.amount),
    document.currency,
  );
  // A document's lines sum to its header, so its posting balances; anything else is a bug.
  if (total.minor !== 0) throw new Error(`Posting of ${what(document)} does not balance: ${total.minor}`);
  const local = localAmounts(document, drafts, settings.localCurrency);
  if (!local)
    return refuse(
      'exchange_rate_missing',
      'exchangeRate',
      `${what(document)} is in ${document.currency} without an exchange rate to ${settings.localCurrency}`,
    );
  const lines = drafts.flatMap((draft, index) => {
    const amount = local[index]!;
    if (amount.minor === 0) return [];
    const account =
      typeof draft.account === 'string' ? draft.account : settings.accounts[draft.account.setting]!;
    const nothing = money(0, amount.currency);
    return [
      {
        accountNo: account,
        description: draft.description,
        debit: amount.minor > 0 ? amount : nothing,
        credit: amount.minor < 0 ? negate(amount) : nothing,
        source: draft.amount,
      },
    ];
  });
  return { ok: true, lines: lines.map((line, index) => ({ lineNo: index + 1, ...line })) };
}

function localAmounts(document: PostingDocument, drafts: readonly Draft[], localCurrency: string) {
  const amounts = drafts.map((d) => d.amount);
  if (document.currency === localCurrency) return amounts;
  if (document.exchangeRate === null) return amounts.length === 0 ? [] : null;
  return convertBalanced(amounts, document.exchangeRate, localCurrency);
}

/** The document's signed amounts, debit +, before accounts are looked up. */
function draftsOf(document: PostingDocument): Draft[] {
  if (document.type === 'customer_refund')
    return [
      { account: { setting: 'receivable' }, description: document.reference, amount: document.amount },
      { account: document.payFromAccount, description: document.reference, amount: negate(document.amount) },
    ];
  // An invoice credits revenue and tax and debits what the customer owes; a credit memo the reverse.
  const sign = document.type === 'sales_invoice' || document.type === 'cash_sale' ? -1 : 1;
  const signed = (amount: Money) => money(sign * amount.minor, amount.currency);
  const lines = document.lines.filter((line) => line.type !== 'comment');
  const total = sum(
    lines.flatMap((line) => [line.amount, line.taxAmount]),
    document.currency,
  );
  const tax = sum(
    lines.map((line) => line.taxAmount),
    document.currency,
  );
  const counter: AccountSetting = document.type === 'cash_sale' ? 'paymentClearing' : 'receivable';
  return [
    { account: { setting: counter }, description: document.reference, amount: signed(negate(total)) },
    ...lines.map((line) => ({
      account: revenueAccount(line),
      description: line.description,
      amount: signed(line.amount),
    })),
    {
      account: { setting: 'taxPayable' as const },
      description: `Tax ${document.reference}`,
      amount: signed(tax),
    },
  ];
}

/** seed 002: gift cards, shipping and tips are G/L lines on their own accounts; items and item charges are revenue. */
function revenueAccount(line: PostingDocumentLine): Draft['account'] {
  if (line.type === 'gl_account' && line.no !== null) return line.no;
  return { setting: 'sales' };
}

function what(document: PostingDocument): string {
  return `${document.type.replaceAll('_', ' ')} (${document.reference})`;
}

function refuse(code: PostingError['code'], field: string, message: string): PostingOutcome {
  return { ok: false, error: { code, field, message } };
}
