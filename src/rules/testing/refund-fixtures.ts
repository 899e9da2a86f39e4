import type { Order, Refund } from '../../domain/order.ts';
import { formatMoney } from '../../money/index.ts';
import { parseShopSettings, type ShopSettingsInput } from '../../shops/index.ts';
import type {
  DocumentLineState,
  OrderDocuments,
  RefundDocumentsInput,
  RefundDocumentsOutcome,
} from '../refund-decision.ts';
import { refundDocuments } from '../refund-documents.ts';
import type { ExchangeRate } from '../sales-document.ts';

/**
 * The shop, items and renderings the refund tables share. The chart of accounts an accountant
 * would recognise: 1010 bank (refunds paid from), 2200 gift cards sold, 4100 shipping charges,
 * 4900 refunds, 4910 refunds of products not restocked; locations MAIN (Shopify 1, default),
 * EAST (Shopify 2), STORE (Shopify 3, the POS), RETURNS (the default return location).
 */
export function refundShop(overrides: Partial<ShopSettingsInput> = {}) {
  return parseShopSettings({
    code: 'WEB',
    shopifyDomain: 'web.myshopify.com',
    credentials: { accessToken: 'shpat_test' },
    autoCreateDocuments: true,
    returnsAndRefundsMode: 'auto_create_credit_memo',
    createCustomerRefunds: true,
    defaultReturnLocation: 'RETURNS',
    accounts: {
      shippingCharges: '4100',
      tip: '2300',
      soldGiftCard: '2200',
      refund: '4900',
      refundNonRestockItems: '4910',
      refundPayFrom: '1010',
    },
    locationMappings: [
      { shopifyLocationId: 'gid://shopify/Location/1', locationCode: 'MAIN', isDefault: true },
      { shopifyLocationId: '2', locationCode: 'EAST' },
      { shopifyLocationId: '3', locationCode: 'STORE' },
    ],
    ...overrides,
  });
}

export const refundItems = new Map([
  ['SB-TEE', { no: '1000', description: 'Tee', type: 'inventory' as const }],
  ['SB-MUG', { no: '1001', description: 'Mug', type: 'inventory' as const }],
  ['SB-JACKET', { no: '1002', description: 'Jacket', type: 'inventory' as const }],
  ['SB-WRAP', { no: '1900', description: 'Gift wrapping', type: 'service' as const }],
]);

/** The sales document lines made from the order's current quantities (before the refund). */
function documentLines(order: Order, released: boolean): DocumentLineState[] {
  const lines = order.lines
    .filter((line) => line.currentQuantity > 0)
    .map((line, index) => {
      const item = line.sku === null ? undefined : refundItems.get(line.sku);
      const stocked = !line.isGiftCard && item?.type === 'inventory';
      return {
        lineNo: index + 1,
        shopifyLineId: line.shopifyId,
        type: line.isGiftCard ? ('gl_account' as const) : ('item' as const),
        no: line.isGiftCard ? '2200' : (item?.no ?? null),
        quantity: line.currentQuantity,
        releasedQuantity: released && stocked ? line.currentQuantity : 0,
        locationCode: line.isGiftCard ? null : 'MAIN',
      };
    });
  const shipping = order.shippingLines.map((line, index) => ({
    lineNo: lines.length + index + 1,
    shopifyLineId: line.shopifyId,
    type: 'gl_account' as const,
    no: '4100',
    quantity: 1,
    releasedQuantity: 0,
    locationCode: null,
  }));
  return [...lines, ...shipping];
}

export function invoicedAs(order: Order, number = 'SI-000001'): OrderDocuments {
  return {
    stage: 'shipped_invoiced',
    invoice: { type: number.startsWith('CS') ? 'cash_sale' : 'sales_invoice', number },
    lines: documentLines(order, false),
  };
}

export function salesOrderAs(order: Order, stage: 'open' | 'released' | 'waived'): OrderDocuments {
  return {
    stage,
    salesOrder: { type: 'sales_order', number: 'SO-000001' },
    lines: documentLines(order, stage === 'released'),
  };
}

/** The exchange items of one return, as the tables write them. */
export interface ReturnExchange {
  returnShopifyId: string;
  lineShopifyIds: readonly string[];
}

/** The order with each return's exchange items (Return.exchangeLineShopifyIds) set. */
export function withExchanges(order: Order, exchanges: readonly ReturnExchange[]): Order {
  if (exchanges.length === 0) return order;
  return {
    ...order,
    returns: order.returns.map((r) => ({
      ...r,
      exchangeLineShopifyIds: [
        ...r.exchangeLineShopifyIds,
        ...exchanges.filter((e) => e.returnShopifyId === r.shopifyId).flatMap((e) => e.lineShopifyIds),
      ],
    })),
  };
}

export interface RefundCase {
  name: string;
  order: Order;
  refund: Refund;
  documents: OrderDocuments;
  shop?: ReturnType<typeof refundShop>;
  reflected?: string[];
  exchanges?: ReturnExchange[];
  exchangeRate?: ExchangeRate | null;
  expected: string[];
}

export function decide(c: Omit<RefundCase, 'name' | 'expected'>): RefundDocumentsOutcome {
  const input: RefundDocumentsInput = {
    order: withExchanges(c.order, c.exchanges ?? []),
    refund: c.refund,
    documents: c.documents,
    reflectedRefundIds: c.reflected ?? [],
    itemsBySku: refundItems,
    settings: c.shop ?? refundShop(),
    exchangeRate: c.exchangeRate ?? null,
  };
  return refundDocuments(input);
}

const m = formatMoney;
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The decision the way an accountant reads it: documents, their lines, payments, stock. */
export function render(outcome: RefundDocumentsOutcome): string[] {
  if (!outcome.ok) return outcome.errors.map((e) => `error ${e.code} (${e.field}): ${e.message}`);
  const { decision } = outcome;
  if (decision.outcome === 'not_convertible') return [`not convertible: ${decision.reason}`];
  if (decision.outcome === 'wait')
    return [`wait: ${decision.reason} ${decision.pendingTransactionIds.join(', ')}`.trim()];
  const rendered: string[] = [decision.refundType];
  for (const document of decision.documents) {
    if (document.kind === 'customer_refund') {
      rendered.push(
        `customer_refund paid ${m(document.amount)} via ${document.paymentMethod} from ${document.payFromAccount} applies to ${document.appliesTo.number}`,
      );
      continue;
    }
    rendered.push(
      `${document.kind} applies to ${document.appliesTo.number} | ${m(document.amount)} + tax ${m(document.taxAmount)} = ${m(document.amountIncludingTax)}`,
    );
    for (const l of document.lines) {
      const so =
        'salesOrderLineNo' in l
          ? ` | ${l.salesOrderLineNo === null ? 'new line' : `SO line ${l.salesOrderLineNo}`} | released ${signed(l.releasedQuantityChange)}`
          : '';
      rendered.push(
        `  ${l.lineNo} ${l.type} ${l.no} "${l.description}" | ${l.quantity} x ${m(l.unitPrice)} | disc ${m(l.lineDiscount)} | amount ${m(l.amount)} | tax ${m(l.taxAmount)} | loc ${l.locationCode ?? '-'} | ${l.reason}${so}`,
      );
    }
  }
  for (const s of decision.stock) {
    rendered.push(
      `stock ${s.kind} ${s.itemNo} @${s.locationCode ?? '-'} on hand ${signed(s.onHand)} released ${signed(s.released)}`,
    );
  }
  for (const t of decision.unpaidTransactions)
    rendered.push(`not paid: transaction ${t.shopifyTransactionId} ${t.status}`);
  return rendered;
}

/** seed 004 4.6: the change of available to sell (on hand - released) per item and location. */
export function atsChanges(outcome: RefundDocumentsOutcome): string[] {
  if (!outcome.ok || outcome.decision.outcome !== 'documents') return [];
  const changes = new Map<string, number>();
  for (const s of outcome.decision.stock) {
    const key = `${s.itemNo} @${s.locationCode ?? '-'}`;
    changes.set(key, (changes.get(key) ?? 0) + s.onHand - s.released);
  }
  return [...changes].map(([key, change]) => `ATS ${key} ${signed(change)}`);
}
