import type { Order, Refund, Transaction } from '../domain/order.ts';
import { negate, subtract, sum, zero, type Money } from '../money/index.ts';
import { creditDocument, creditedBy, type Drafted, type HeaderFields } from './credit-memo.ts';
import {
  checkRefundedTotal,
  customerRefunds,
  isFailed,
  isUnsettled,
  refundTransactions,
} from './customer-refunds.ts';
import { cancelledWithNothingLeft } from './cancelled-order.ts';
import { refundConversion } from './order-change.ts';
import type {
  CreditDocumentDraft,
  CustomerRefundDraft,
  DocumentRef,
  OrderDocuments,
  RefundDecision,
  RefundDocumentsInput,
  RefundDocumentsOutcome,
  RefundProblem,
  RefundType,
  SalesOrderChangeDraft,
} from './refund-decision.ts';
import {
  dutyParts,
  exchangeParts,
  isGoods,
  refundLineParts,
  residualParts,
  shippingParts,
  totalOf,
  withoutValue,
  type RefundPart,
} from './refund-parts.ts';
import { salesOrderChange } from './sales-order-change.ts';
import { documentDateOf } from './sales-document.ts';

export type * from './refund-decision.ts';

/**
 * What one Shopify refund becomes in the back office (seed 002 "Returns and refunds", seed 004
 * sections 2.3 and 4, seed 000 customer refunds): nothing yet (`wait`), nothing ever
 * (`not_convertible`), or documents and stock movements, as data. Pure: the caller loads the
 * order, the state of its documents, items and exchange rate, and persists the decision.
 * Every amount is the shop's money; the credited lines meet Shopify's refunded total exactly.
 */
export function refundDocuments(input: RefundDocumentsInput): RefundDocumentsOutcome {
  const { order, refund } = input;
  const transactions = refundTransactions(refund);
  const pending = transactions.filter(isUnsettled);
  if (pending.length > 0)
    return decided({
      outcome: 'wait',
      reason: 'transactions_pending',
      message: `Refund ${refund.shopifyId} of order ${order.name} waits for ${pending.length} pending transaction(s) to settle`,
      pendingTransactionIds: pending.map((t) => t.shopifyId),
    });
  const blocked = notConvertible(order, refund, transactions);
  if (blocked) return decided(blocked);
  const currencyProblem = checkCurrency(input);
  if (currencyProblem) return { ok: false, errors: [currencyProblem] };
  const totalProblem = checkRefundedTotal(order, refund);
  if (totalProblem) return { ok: false, errors: [totalProblem] };
  const { documents } = input;
  if (documents.stage === 'none' && cancelledWithNothingLeft(order))
    return decided({
      outcome: 'not_convertible',
      reason: 'cancelled_nothing_left',
      message: `Refund ${refund.shopifyId} of order ${order.name} is recorded but not converted: the order was cancelled and everything it charged was paid back before any sales document, so nothing was sold, nothing is credited and no customer refund has a sale to apply to (seed 002 "Cancel paid order")`,
    });
  if (documents.stage === 'none')
    return decided({
      outcome: 'wait',
      reason: 'no_sales_document',
      message: `Refund ${refund.shopifyId} of order ${order.name} waits for the order's sales document; made after the refund, it will leave the refunded units out`,
      pendingTransactionIds: [],
    });
  return documentsFor(input, documents);
}

/**
 * seed 002 "Effect of order editing": an edit that lowers a quantity or removes an item, and the
 * cancellation of an unpaid order, bring "a Shopify refund with zero amount ... that can't be
 * converted to a credit memo". A refund whose transactions all failed moved no money either.
 */
function notConvertible(order: Order, refund: Refund, transactions: Transaction[]): RefundDecision | null {
  const conversion = refundConversion(refund);
  if (conversion.convertible) return null;
  const failed = transactions.some(isFailed);
  const paid = order.transactions.some(
    (t) => (t.kind === 'sale' || t.kind === 'capture') && t.status === 'success',
  );
  const reason = failed
    ? 'transactions_failed'
    : conversion.reason === 'zero_amount_from_edit' && order.cancelledAt !== null && !paid
      ? 'unpaid_order_cancelled'
      : conversion.reason;
  const messages = {
    transactions_failed: 'its refund transactions failed: no money went back and no goods came back',
    unpaid_order_cancelled: 'it cancels an unpaid order: zero amount, nothing to credit (seed 002)',
    zero_amount_from_edit: 'it comes from an order edit: zero amount, no goods back (seed 002)',
    nothing_refunded: 'it refunds nothing',
  };
  return {
    outcome: 'not_convertible',
    reason,
    message: `Refund ${refund.shopifyId} of order ${order.name} is recorded but not converted: ${messages[reason]}`,
  };
}

/** seed 002: documents use the store currency, with an exchange rate when it is not the local one. */
function checkCurrency({
  order,
  refund,
  settings,
  exchangeRate,
}: RefundDocumentsInput): RefundProblem | null {
  const expected = settings.shopCurrency ?? settings.localCurrency;
  if (order.shopCurrency !== expected)
    return {
      code: 'shop_currency_mismatch',
      field: 'shopCurrency',
      message: `Order ${order.name} is in ${order.shopCurrency} but shop ${settings.code} is set up for ${expected} (shopCurrency)`,
    };
  if (order.shopCurrency === settings.localCurrency || exchangeRate?.currency === order.shopCurrency)
    return null;
  const date = documentDateOf(refund.createdAt, settings.timeZone);
  return {
    code: 'exchange_rate_missing',
    field: 'exchangeRate',
    message: `No exchange rate for ${order.shopCurrency} valid on ${date} (refund ${refund.shopifyId} of order ${order.name}); import one with storebridge exchange-rates import`,
  };
}

function documentsFor(
  input: RefundDocumentsInput,
  documents: Exclude<OrderDocuments, { stage: 'none' }>,
): RefundDocumentsOutcome {
  const { order, refund } = input;
  const currency = order.shopCurrency;
  const found = [
    refundLineParts(order, refund),
    shippingParts(order, refund),
    dutyParts(order, refund),
    exchangeParts(order, refund),
  ];
  const problems = found.flat().filter((p): p is RefundProblem => 'code' in p);
  if (problems.length > 0) return { ok: false, errors: problems };
  const parts = found.flat() as RefundPart[];
  const exchanges = parts.filter((p) => p.reason === 'exchange_item');

  // A refund made before the sales document is in its quantities (the document took the lines'
  // current quantities), and so is an exchange item already on it: their value counts in the
  // net, but they are not credited again. Duties never were on a sales document.
  const reflected = input.reflectedRefundIds.includes(refund.shopifyId);
  const onDocument = new Set(documents.lines.map((l) => l.shopifyLineId));
  const inDocument = (p: RefundPart) =>
    reflected ? p.reason !== 'duties' : p.reason === 'exchange_item' && onDocument.has(p.shopifyLineId);

  const refunded = refund.totalRefunded.shop;
  const explained = totalOf(parts, currency);
  const balanceDue = exchanges.length > 0 && explained.minor < 0 ? negate(explained) : zero(currency);
  const residual = subtract(subtract(refunded, explained), balanceDue);
  const refundType = refundTypeOf(refund, exchanges.length > 0, refunded, balanceDue);
  const alreadyIn = totalOf(parts.filter(inDocument), currency);
  // Quantity only (seed 004 4.5): the goods at zero value, no money moved. Unless the sales
  // document already left some of their value out (made after the refund): then the customer
  // was not paid back what the document no longer charges, and the net is documented like any
  // refund that pays back less (the residual invoiced), else reconciliation finds the order short.
  const quantityOnly = refundType === 'quantity_only' && alreadyIn.minor === 0;
  const credit = quantityOnly
    ? parts.filter((p) => !inDocument(p) && isGoods(p)).map(withoutValue)
    : [...parts.filter((p) => !inDocument(p)), ...residualParts(order, refund, residual)];

  const appliesTo: DocumentRef =
    documents.stage === 'shipped_invoiced' ? documents.invoice : documents.salesOrder;
  const header = headerOf(input, appliesTo);
  const context = { order, refund, settings: input.settings, itemsBySku: input.itemsBySku };
  const drafted: Drafted<CreditDocumentDraft | SalesOrderChangeDraft> | RefundProblem[] =
    documents.stage === 'shipped_invoiced'
      ? creditDocument(context, credit, header, quantityOnly)
      : salesOrderChange(context, documents, credit, header);
  const paidBack = customerRefunds({ ...context, appliesTo, exchangeRate: header.exchangeRate });
  const errors = [...(Array.isArray(drafted) ? drafted : []), ...paidBack.filter(isProblem)];
  if (errors.length > 0 || Array.isArray(drafted)) return { ok: false, errors };
  const payments = paidBack.filter((p): p is CustomerRefundDraft => !isProblem(p));
  const credited = drafted.document ? creditedBy(drafted.document) : zero(currency);
  return decided({
    outcome: 'documents',
    refundType,
    documents: [...(drafted.document ? [drafted.document] : []), ...payments],
    stock: drafted.stock,
    unpaidTransactions: refundTransactions(refund)
      .filter(isFailed)
      .map((t) => ({ shopifyTransactionId: t.shopifyId, status: t.status })),
    totals: {
      refunded,
      exchangeBalanceDue: balanceDue,
      reflectedInSalesDocument: alreadyIn,
      credited,
      paid: sum(
        payments.map((p) => p.amount),
        currency,
      ),
    },
  });
}

/**
 * seed 004 4.3: "Quantity Only" (goods, no money), "Amount Only" (money, no goods), "Quantity +
 * Amount". An exchange moves goods both ways; what the customer still owes for it is money.
 */
function refundTypeOf(refund: Refund, exchange: boolean, refunded: Money, balanceDue: Money): RefundType {
  const quantity = exchange || refund.lines.some((l) => l.quantity > 0);
  const amount = refunded.minor !== 0 || balanceDue.minor !== 0;
  if (quantity && amount) return 'quantity_and_amount';
  return quantity ? 'quantity_only' : 'amount_only';
}

function headerOf(input: RefundDocumentsInput, appliesTo: DocumentRef): HeaderFields {
  const { order, refund, settings } = input;
  return {
    shopCode: settings.code,
    shopifyOrderId: order.shopifyId,
    shopifyOrderName: order.name,
    shopifyRefundId: refund.shopifyId,
    currency: order.shopCurrency,
    exchangeRate: order.shopCurrency === settings.localCurrency ? null : (input.exchangeRate?.rate ?? null),
    documentDate: documentDateOf(refund.createdAt, settings.timeZone),
    appliesTo,
  };
}

function isProblem(value: object): value is RefundProblem {
  return 'code' in value;
}

function decided(decision: RefundDecision): RefundDocumentsOutcome {
  return { ok: true, decision };
}
