import type { Order } from '../../domain/order.ts';
import { aLine, anOrder, bag } from '../../domain/testing/order-builders.ts';
import { inPresentment, refundOf, shipped, withRefund } from '../../domain/testing/refund-builders.ts';
import { formatMoney, money } from '../../money/index.ts';
import {
  reconcileOrder,
  type Figure,
  type Finding,
  type ReconciledDocument,
  type ReconciledStockMovement,
  type ReconciliationInput,
  type RefundRow,
} from '../reconciliation.ts';

/**
 * The books and Shopify that reconciliation.test.ts's rows share. The order: 2 Tees at 25.00 +
 * 10% tax and 3 Mugs at 12.50 = 92.50, shipped and invoiced (SI-000001). Refund 7001 returns one
 * Tee: 25.00 + 2.50 tax = 27.50 back (credit memo CM-000001, customer refund CR-000001).
 */
export const tee = aLine({
  shopifyId: '9001',
  sku: 'SB-TEE',
  quantity: 2,
  unitPrice: bag(2500),
  taxLines: [{ title: 'Tax', rate: '0.10', amount: bag(500) }],
});
export const mug = aLine({
  shopifyId: '9002',
  sku: 'SB-MUG',
  title: 'Mug',
  quantity: 3,
  unitPrice: bag(1250),
});
export const sold = shipped(anOrder({ lines: [tee, mug] }));
export const returnTee = refundOf(sold, { lines: [{ line: '9001', quantity: 1, restock: 'return' }] });
export const returned = withRefund(sold, returnTee);
export const usd = (minor: number) => money(minor, 'USD');
export const items = new Map([
  ['SB-TEE', { no: '1000', type: 'inventory' as const }],
  ['SB-MUG', { no: '1001', type: 'inventory' as const }],
]);

export function document(
  type: string,
  number: string,
  amount: number,
  more: Partial<ReconciledDocument> = {},
): ReconciledDocument {
  return {
    type,
    number,
    shopifyRefundId: null,
    unlinked: false,
    amountIncludingTax: usd(amount),
    reflectedRefundIds: [],
    lines: [],
    ...more,
  };
}
export const invoice = (amount: number, reflected: string[] = []) =>
  document('sales_invoice', 'SI-000001', amount, { reflectedRefundIds: reflected });
export const ofRefund = (type: string, number: string, amount: number, refund = '7001') =>
  document(type, number, amount, { shopifyRefundId: refund });
export const teeBack: ReconciledStockMovement = {
  voucherNo: 'CM-000001',
  itemNo: '1000',
  quantity: 1,
  kind: 'return',
};
export const row = (status: RefundRow['status'], statusReason: string | null = null): RefundRow => ({
  shopifyRefundId: '7001',
  status,
  statusReason,
  errorCode: status === 'error' ? 'account_not_set' : null,
  errorMessage: status === 'error' ? 'accounts.refund is not set' : null,
});
/** A Sock (8.00) added as the exchange item of return 2001; the returned Tee pays for it. */
export const exchanged = {
  ...sold,
  lines: [...sold.lines, aLine({ shopifyId: '9003', sku: 'SB-SOCK', unitPrice: bag(800) })],
};
export const cheaperExchange = withRefund(
  exchanged,
  refundOf(exchanged, { lines: [{ line: '9001', quantity: 1 }], returnId: '2001', exchangeCredit: 800 }),
);
export const booked = [
  ofRefund('credit_memo', 'CM-000001', 2750),
  ofRefund('customer_refund', 'CR-000001', 2750),
];

/** Shopify's money in the buyer's currency too (CAD at 137%), where its refunds add up exactly. */
export function inCad<T>(value: T): T {
  return inPresentment(value, 'CAD', 137);
}

export interface ReconciliationCase {
  name: string;
  order: Order;
  documents?: ReconciledDocument[];
  rows?: RefundRow[];
  movements?: ReconciledStockMovement[];
  mirror?: Partial<ReconciliationInput['mirror']>;
  settings?: Partial<ReconciliationInput['settings']>;
  expected: string[];
}

/** The rule on a case: the processed refund rows and the auto credit memo shop unless it says otherwise. */
export function reconcile(c: ReconciliationCase) {
  return reconcileOrder({
    order: c.order,
    mirror: { processed: true, conflict: false, ...c.mirror },
    documents: c.documents ?? [],
    refundRows: c.rows ?? c.order.refunds.map((r) => ({ ...row('processed'), shopifyRefundId: r.shopifyId })),
    stockMovements: c.movements ?? [],
    itemsBySku: items,
    settings: {
      returnsAndRefundsMode: 'auto_create_credit_memo',
      createCustomerRefunds: true,
      ...c.settings,
    },
  });
}

/** `<difference | expected reason> <cause> <refund> [item]: shopify <x> books <y>` */
export function render(f: Finding): string {
  const figure = (v: Figure) => (v === null ? '-' : typeof v === 'number' ? String(v) : formatMoney(v));
  const item = f.itemNo === null ? '' : ` item ${f.itemNo}`;
  return `${f.expected ?? 'difference'} ${f.cause} ${f.shopifyRefundId ?? '-'}${item}: shopify ${figure(f.shopify)} books ${figure(f.books)}`;
}
