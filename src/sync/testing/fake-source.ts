import type { Order, Refund } from '../../domain/order.ts';
import type {
  BooksPort,
  FetchedOrder,
  FetchedOrderPage,
  OrderSource,
  RefundBooksInputs,
  RefundDocumentsDecision,
  SalesDocumentsOutcome,
} from '../ports.ts';

/**
 * A Shopify stand-in for the sync tests: holds orders, answers `updated_at:>cursor` pages sorted
 * by updatedAt (as src/shopify does), and records attribute write-backs as a new version.
 */
export class FakeOrderSource implements OrderSource {
  readonly orders = new Map<string, Order>();
  readonly calls: string[] = [];
  /**
   * Pages answer `updated_at:>=cursor`, re-reading the cursor's own versions, as src/shopify's
   * search does (`changedSinceSearch`: whole seconds); Default: false, a strict `>`.
   */
  inclusiveSearch = false;
  /** Throws after this many pages were handed out (a run killed halfway). */
  failAfterPages: number | null = null;
  constructor(readonly pageSize = 2) {}

  put(...orders: Order[]): void {
    for (const order of orders) this.orders.set(order.shopifyId, order);
  }

  async *changedOrders(updatedAfter: string | null): AsyncIterable<FetchedOrderPage> {
    this.calls.push(`changedOrders ${updatedAfter ?? 'null'}`);
    const sorted = this.changed(updatedAfter).sort(
      (a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || a.shopifyId.localeCompare(b.shopifyId),
    );
    let served = 0;
    for (let start = 0; start < sorted.length || start === 0; start += this.pageSize) {
      if (this.failAfterPages !== null && served >= this.failAfterPages) throw new Error('connection lost');
      served += 1;
      const orders = sorted.slice(start, start + this.pageSize).map(fetched);
      yield { orders, hasNextPage: start + this.pageSize < sorted.length };
    }
  }

  async *ordersInBulk(updatedAfter: string | null): AsyncIterable<FetchedOrder> {
    this.calls.push(`ordersInBulk ${updatedAfter ?? 'null'}`);
    // Bulk exports are not sorted by updatedAt: newest first here, to prove the cursor copes.
    const orders = this.changed(updatedAfter).sort(
      (a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt),
    );
    for (const order of orders) yield fetched(order);
  }

  async order(shopifyId: string): Promise<FetchedOrder | null> {
    this.calls.push(`order ${shopifyId}`);
    const order = this.orders.get(shopifyId);
    return order ? fetched(order) : null;
  }

  async setOrderAttribute(shopifyId: string, key: string, value: string): Promise<void> {
    this.calls.push(`setOrderAttribute ${shopifyId} ${key}=${value}`);
    const order = this.orders.get(shopifyId);
    if (!order) throw new Error(`no order ${shopifyId}`);
    const updatedAt = new Date(Date.parse(order.updatedAt) + 1000).toISOString();
    const customAttributes = [...order.customAttributes.filter((a) => a.key !== key), { key, value }];
    this.orders.set(shopifyId, { ...order, customAttributes, updatedAt });
  }

  private changed(updatedAfter: string | null): Order[] {
    const after = updatedAfter === null ? -Infinity : Date.parse(updatedAfter);
    return [...this.orders.values()].filter((order) =>
      this.inclusiveSearch ? Date.parse(order.updatedAt) >= after : Date.parse(order.updatedAt) > after,
    );
  }
}

function fetched(order: Order): FetchedOrder {
  return { order, payload: { id: `gid://shopify/Order/${order.shopifyId}`, updatedAt: order.updatedAt } };
}

/**
 * books stand-in: one sales order per order, numbered SO-0001..., refused when a line's SKU is in
 * `missingSkus` (the typed outcome books returns for a missing item).
 */
export class FakeBooks implements BooksPort {
  readonly created: { shopifyOrderId: string; number: string }[] = [];
  readonly unlinked: string[] = [];
  missingSkus = new Set<string>();

  async createSalesDocuments(
    _trx: unknown,
    input: { order: Order; dryRun: boolean },
  ): Promise<SalesDocumentsOutcome> {
    const missing = input.order.lines.find((line) => line.sku !== null && this.missingSkus.has(line.sku));
    if (missing) {
      return {
        ok: false,
        error: {
          code: 'item_not_found',
          message: `Item with SKU "${missing.sku}" (order ${input.order.name}) does not exist`,
        },
      };
    }
    if (input.dryRun) return { ok: true, documents: [{ type: 'sales_order', number: null }] };
    const number = `SO-${String(this.created.length + 1).padStart(4, '0')}`;
    this.created.push({ shopifyOrderId: input.order.shopifyId, number });
    return { ok: true, documents: [{ type: 'sales_order', number }] };
  }

  async createSalesDocumentsForOrders(
    trx: unknown,
    input: { orders: readonly Order[] },
  ): Promise<SalesDocumentsOutcome[]> {
    const outcomes: SalesDocumentsOutcome[] = [];
    for (const order of input.orders)
      outcomes.push(await this.createSalesDocuments(trx, { order, dryRun: false }));
    return outcomes;
  }

  /** Refund inputs: no sales document unless the order is in `invoiced` (then an invoice of the order's lines). */
  readonly invoiced = new Set<string>();
  /** Items found for SKUs (refunds of restocked goods need them). */
  readonly items = new Map<string, { no: string; description: string; type: 'inventory' | 'service' }>();
  readonly refundDocuments: { shopifyRefundId: string; number: string }[] = [];

  async refundInputs(_trx: unknown, input: { order: Order }): Promise<RefundBooksInputs> {
    const documents: RefundBooksInputs['documents'] = this.invoiced.has(input.order.shopifyId)
      ? {
          stage: 'shipped_invoiced',
          invoice: { type: 'sales_invoice', number: `SI-${input.order.shopifyId}` },
          lines: input.order.lines.map((line, index) => ({
            lineNo: index + 1,
            shopifyLineId: line.shopifyId,
            type: 'gl_account' as const,
            no: '4000',
            quantity: line.currentQuantity,
            releasedQuantity: 0,
            locationCode: null,
          })),
        }
      : { stage: 'none' };
    return { documents, reflectedRefundIds: [], itemsBySku: this.items, exchangeRate: null };
  }

  async createRefundDocuments(
    _trx: unknown,
    input: { refund: Refund; decision: RefundDocumentsDecision },
  ): Promise<SalesDocumentsOutcome> {
    const existing = this.refundDocuments.find((d) => d.shopifyRefundId === input.refund.shopifyId);
    if (existing) return { ok: true, documents: [{ type: 'credit_memo', number: existing.number }] };
    const number = `CM-${String(this.refundDocuments.length + 1).padStart(4, '0')}`;
    this.refundDocuments.push({ shopifyRefundId: input.refund.shopifyId, number });
    return { ok: true, documents: [{ type: 'credit_memo', number }] };
  }

  async refundInputsForRefunds(
    trx: unknown,
    input: { refunds: readonly { order: Order }[] },
  ): Promise<RefundBooksInputs[]> {
    const inputs: RefundBooksInputs[] = [];
    for (const { order } of input.refunds) inputs.push(await this.refundInputs(trx, { order }));
    return inputs;
  }

  /** One by one through createRefundDocuments, so a test can replace that one. */
  async createRefundDocumentsForRefunds(
    trx: unknown,
    input: { refunds: readonly { refund: Refund; decision: RefundDocumentsDecision }[] },
  ): Promise<SalesDocumentsOutcome[]> {
    const outcomes: SalesDocumentsOutcome[] = [];
    for (const refund of input.refunds) outcomes.push(await this.createRefundDocuments(trx, refund));
    return outcomes;
  }

  async unlinkOrderDocuments(_trx: unknown, input: { shopifyOrderId: string }): Promise<void> {
    this.unlinked.push(input.shopifyOrderId);
  }
}
