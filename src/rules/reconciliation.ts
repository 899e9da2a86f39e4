import type { Order, Refund } from '../domain/order.ts';
import { formatMoney, type Money } from '../money/index.ts';
import type { ShopSettings } from '../shops/index.ts';
import {
  booksRefundFigures,
  receivedOf,
  refundedOf,
  salesDocumentOf,
  shopifyRefundFigures,
  shopMoney,
  type ItemsBySku,
  type ReconciledDocument,
  type ReconciledStockMovement,
} from './reconciliation-figures.ts';

export type { ItemsBySku, ReconciledDocument, ReconciledStockMovement } from './reconciliation-figures.ts';

/**
 * Reconciliation (issue 6 item 6): one order's figures in Shopify against the books, each
 * difference with its cause. Pure: sync/ loads the mirrored order, its linked documents, the
 * refunds' rows and stock movements. Table-tested in reconciliation.test.ts.
 *
 * What must agree, per order and per refund (shop money):
 * - the sales document = Shopify's current total, plus what every refund made after the
 *   document took off it (those are credited by the refund's own documents instead);
 * - a refund's credit documents (credit memo + sales order change - a refund's sales invoice)
 *   = the money refunded, or, when the sales document was made after the refund and so already
 *   left the refunded goods out, the money refunded minus what it left out (seed 004 4.5,
 *   docs/refunds.md "credited + reflectedInSalesDocument = refunded - exchangeBalanceDue");
 * - the customer refunds of a refund = its successful refund transactions (seed 000);
 * - the units a refund puts back in stock = Shopify's restocked units, unless the sales document
 *   already left them out.
 */
export type DifferenceCause =
  | 'sales_document_missing'
  | 'sales_document_amount_differs'
  | 'refund_not_booked'
  | 'credit_memo_amount_differs'
  | 'customer_refund_missing'
  | 'customer_refund_amount_differs'
  | 'restock_quantity_differs'
  | 'refund_not_in_shopify';

/** Why a difference is not a bug (issue 6: "unless the refund is pending or the mode import only"). */
export type ExpectedReason =
  | 'refund_pending'
  | 'refund_waiting'
  | 'refund_not_convertible'
  | 'import_only'
  | 'refunds_ignored'
  | 'documents_not_created'
  | 'order_conflict';

/** A Shopify or books figure: money, a number of units, or null when there is none. */
export type Figure = Money | number | null;

export interface Finding {
  cause: DifferenceCause;
  /** null: a difference, a bug to find; otherwise why the books differ for now. */
  expected: ExpectedReason | null;
  shopifyOrderId: string;
  orderName: string;
  shopifyRefundId: string | null;
  itemNo: string | null;
  shopify: Figure;
  books: Figure;
  message: string;
}

export type RefundRowStatus = 'pending' | 'waiting' | 'processed' | 'not_convertible' | 'error';

/** Where sync's refund row stands (order_refunds); absent when the refund was never recorded. */
export interface RefundRow {
  shopifyRefundId: string;
  status: RefundRowStatus;
  statusReason: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

export interface ReconciliationInput {
  order: Order;
  /** The mirror's state: documents made (processed) and an edit after them (conflict, seed 002). */
  mirror: { processed: boolean; conflict: boolean };
  /** The order's documents as books/ lists them (sales and refund documents). */
  documents: readonly ReconciledDocument[];
  refundRows: readonly RefundRow[];
  stockMovements: readonly ReconciledStockMovement[];
  itemsBySku: ItemsBySku;
  settings: Pick<ShopSettings, 'returnsAndRefundsMode' | 'createCustomerRefunds'>;
}

export interface OrderReconciliation {
  /** Refunds Shopify shows on the order. */
  refunds: number;
  findings: Finding[];
}

export function reconcileOrder(input: ReconciliationInput): OrderReconciliation {
  const { order, documents } = input;
  const found = (f: Omit<Finding, 'shopifyOrderId' | 'orderName'>): Finding => ({
    shopifyOrderId: order.shopifyId,
    orderName: order.name,
    ...f,
  });
  const salesDocument = salesDocumentOf(documents);
  const reflected = (refund: Refund) => salesDocument?.reflectedRefundIds.includes(refund.shopifyId) ?? false;
  const findings = [
    ...salesDocumentFindings(input, salesDocument, reflected).map(found),
    ...order.refunds.flatMap((refund) =>
      refundFindings(input, refund, { reflected: reflected(refund), sold: salesDocument !== null }).map(
        found,
      ),
    ),
    ...documents
      .filter((d) => !d.unlinked && d.shopifyRefundId !== null)
      .filter((d) => !order.refunds.some((r) => r.shopifyId === d.shopifyRefundId))
      .map((d) =>
        found({
          cause: 'refund_not_in_shopify',
          expected: null,
          shopifyRefundId: d.shopifyRefundId,
          itemNo: null,
          shopify: null,
          books: d.amountIncludingTax,
          message: `${d.type} ${d.number ?? ''} is for refund ${d.shopifyRefundId}, which order ${order.name} does not have in Shopify`,
        }),
      ),
  ];
  return { refunds: order.refunds.length, findings };
}

type Draft = Omit<Finding, 'shopifyOrderId' | 'orderName'>;

function salesDocumentFindings(
  input: ReconciliationInput,
  salesDocument: ReconciledDocument | null,
  reflected: (refund: Refund) => boolean,
): Draft[] {
  const { order, mirror, documents } = input;
  const m = (minor: number) => shopMoney(minor, order);
  const base = { shopifyRefundId: null, itemNo: null } as const;
  if (!salesDocument) {
    const kept = receivedOf(order) - refundedOf(order.transactions);
    // seed 002: a cancelled order gets no document; with all its money back nothing is missing.
    if (order.cancelledAt !== null && kept === 0) return [];
    const expected = order.cancelledAt === null && !mirror.processed ? 'documents_not_created' : null;
    const shopify = order.cancelledAt === null ? order.totals.currentTotalPrice.shop : m(kept);
    const why =
      order.cancelledAt !== null
        ? `was cancelled in Shopify with ${formatMoney(m(kept))} kept`
        : mirror.processed
          ? 'was processed'
          : "was imported without documents (created on the operator's command, or unlinked)";
    return [
      {
        ...base,
        cause: 'sales_document_missing',
        expected,
        shopify,
        books: null,
        message: `Order ${order.name} ${why}, and no sales document is linked to it`,
      },
    ];
  }
  // Refunds made after the document took goods off Shopify's current total; their own
  // documents credit them, so the document itself still holds them.
  const later = order.refunds.filter((r) => !reflected(r));
  const expectedAmount =
    order.totals.currentTotalPrice.shop.minor +
    later.reduce((t, r) => t + shopifyRefundFigures(order, r, input.itemsBySku).leftOutOfSalesDocument, 0);
  // A sales order is changed in place by its refunds' sales order changes: add them back.
  const changes =
    salesDocument.type === 'sales_order'
      ? documents
          .filter((d) => !d.unlinked && d.type === 'sales_order_change')
          .reduce((t, d) => t + d.amountIncludingTax.minor, 0)
      : 0;
  const asMade = salesDocument.amountIncludingTax.minor + changes;
  if (asMade === expectedAmount) return [];
  return [
    {
      ...base,
      cause: 'sales_document_amount_differs',
      expected: mirror.conflict ? 'order_conflict' : null,
      shopify: m(expectedAmount),
      books: m(asMade),
      message:
        `${salesDocument.type} ${salesDocument.number ?? ''} of order ${order.name} is ${formatMoney(m(asMade))}` +
        (changes === 0 ? '' : ` (before its sales order changes)`) +
        `; Shopify's current total ${formatMoney(order.totals.currentTotalPrice.shop)}` +
        (later.length === 0 ? '' : ` with the ${later.length} refund(s) made after it`) +
        ` gives ${formatMoney(m(expectedAmount))}` +
        (mirror.conflict ? ' (the order changed in Shopify after its documents: conflict, seed 002)' : ''),
    },
  ];
}

/**
 * `reflected`: the sales document was made after the refund, so its quantities leave the refund
 * out; `sold`: the order has a sales document at all (without one nothing left stock in the books).
 */
function refundFindings(
  input: ReconciliationInput,
  refund: Refund,
  { reflected, sold }: { reflected: boolean; sold: boolean },
): Draft[] {
  const { order, settings } = input;
  const m = (minor: number) => shopMoney(minor, order);
  const shopify = shopifyRefundFigures(order, refund, input.itemsBySku);
  const books = booksRefundFigures(refund.shopifyId, input.documents, input.stockMovements, input.itemsBySku);
  const row = input.refundRows.find((r) => r.shopifyRefundId === refund.shopifyId);
  const credit = reflected ? shopify.refunded - shopify.leftOutOfSalesDocument : shopify.refunded;
  const restocked = reflected || !sold ? new Map<string, number>() : shopify.restocked;
  const base = { shopifyRefundId: refund.shopifyId, itemNo: null };
  const subject = `Refund ${refund.shopifyId} of order ${order.name}`;
  const reflectedNote = reflected
    ? `; the sales document, made after the refund, already left ${formatMoney(m(shopify.leftOutOfSalesDocument))} out`
    : '';

  if (row?.status !== 'processed') {
    const owed =
      credit !== 0 ||
      (settings.createCustomerRefunds && shopify.refunded !== 0) ||
      [...restocked.values()].some((n) => n !== 0);
    if (!owed) return [];
    const state = row
      ? row.status === 'error'
        ? `in error (${row.errorCode ?? 'error'}: ${row.errorMessage ?? ''})`
        : `${row.status.replace('_', ' ')}${row.statusReason ? ` (${row.statusReason})` : ''}`
      : 'not recorded';
    return [
      {
        ...base,
        cause: 'refund_not_booked',
        expected: unbookedReason(settings.returnsAndRefundsMode, row?.status),
        shopify: m(shopify.refunded),
        books: null,
        message:
          `${subject} is not booked: ${state}; Shopify refunded ${formatMoney(m(shopify.refunded))}` +
          (credit === shopify.refunded ? '' : `, its documents would credit ${formatMoney(m(credit))}`),
      },
    ];
  }

  const findings: Draft[] = [];
  if (books.credited !== credit)
    findings.push({
      ...base,
      cause: 'credit_memo_amount_differs',
      expected: null,
      shopify: m(credit),
      books: m(books.credited),
      message: `${subject}: the books credit ${formatMoney(m(books.credited))} (${describe(books.documents)}), Shopify refunded ${formatMoney(m(shopify.refunded))}${reflectedNote}: ${formatMoney(m(credit))} to credit`,
    });
  if (settings.createCustomerRefunds && shopify.refunded !== 0 && books.customerRefunds === 0)
    findings.push({
      ...base,
      cause: 'customer_refund_missing',
      expected: null,
      shopify: m(shopify.refunded),
      books: null,
      message: `${subject}: ${formatMoney(m(shopify.refunded))} paid back in Shopify, no customer refund in the books (seed 000)`,
    });
  else if (settings.createCustomerRefunds && books.paid !== shopify.refunded)
    findings.push({
      ...base,
      cause: 'customer_refund_amount_differs',
      expected: null,
      shopify: m(shopify.refunded),
      books: m(books.paid),
      message: `${subject}: customer refunds pay ${formatMoney(m(books.paid))}, Shopify's successful refund transactions ${formatMoney(m(shopify.refunded))}`,
    });
  for (const itemNo of new Set([...restocked.keys(), ...books.restocked.keys()])) {
    const want = restocked.get(itemNo) ?? 0;
    const have = books.restocked.get(itemNo) ?? 0;
    if (want !== have)
      findings.push({
        ...base,
        itemNo,
        cause: 'restock_quantity_differs',
        expected: null,
        shopify: want,
        books: have,
        message: `${subject}: item ${itemNo} back in stock ${have} in the books, restocked ${shopify.restocked.get(itemNo) ?? 0} in Shopify${reflected ? ' (left out of the sales document, made after the refund)' : ''}`,
      });
  }
  return findings;
}

/** A refund not booked is expected while it waits, when it is not convertible, or when no one asked. */
function unbookedReason(
  mode: ReconciliationInput['settings']['returnsAndRefundsMode'],
  status: RefundRowStatus | undefined,
): ExpectedReason | null {
  if (mode === 'none') return 'refunds_ignored';
  if (mode === 'import_only') return 'import_only';
  if (status === 'pending') return 'refund_pending';
  if (status === 'waiting') return 'refund_waiting';
  if (status === 'not_convertible') return 'refund_not_convertible';
  return null;
}

function describe(documents: readonly ReconciledDocument[]): string {
  const credits = documents.filter((d) => d.type !== 'customer_refund');
  if (credits.length === 0) return 'no credit document';
  return credits.map((d) => `${d.type} ${d.number ?? ''} ${formatMoney(d.amountIncludingTax)}`).join(', ');
}
