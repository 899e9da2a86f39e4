import type { StorebridgeServer } from '../../../src/http/server.ts';

/** A row of `orders-to-import --json` (seed 002 "Shopify Orders to Import"). */
export interface StagedOrder {
  shopifyOrderId: string;
  name: string;
  financialStatus: string | null;
  fulfillmentStatus: string;
  channel: string | null;
  tags: string[];
  riskLevel: string | null;
  hasError: boolean;
  errorMessage: string | null;
  attempts: number;
}

/** docs/order-import.md "Document JSON"; money as decimal strings. */
export interface DocumentLine {
  lineNo: number;
  type: 'item' | 'gl_account' | 'comment' | string;
  no: string | null;
  description: string;
  quantity: string | number;
  unitPrice: string;
  lineDiscount: string;
  amount: string;
  taxAmount: string;
  locationCode: string | null;
}

export interface SalesDocument {
  id: string;
  type: 'sales_order' | 'sales_invoice' | 'cash_sale' | string;
  number: string | null;
  status: string;
  shopCode: string;
  shopifyOrderId: string;
  shopifyOrderName: string;
  customerNo: string;
  currency: string;
  documentDate: string;
  lines: DocumentLine[];
  amount: string;
  taxAmount: string;
  amountIncludingTax: string;
}

export interface StockLevel {
  itemNo: string;
  locationCode: string;
  onHand: number | string;
  released: number | string;
  availableToSell: number | string;
}

/** The order as storebridge mirrors it: processed (documents made) and any conflict. */
export interface MirroredOrder {
  shopifyOrderId: string;
  name: string;
  processed: boolean;
  conflict: boolean;
  conflictMessage: string | null;
  financialStatus: string | null;
  fulfillmentStatus: string;
  cancelledAt: string | null;
  refunds: { amountMinor: number | string; convertibleToCreditMemo: boolean }[];
  [detail: string]: unknown;
}

/**
 * storebridge as its operators drive it, one method per interface of docs/order-import.md; the
 * CLI and the /api/ routes are twins, scenarios go through the API (in process, no port).
 * Orders are referred to as Shopify ids, GIDs or names, as the interfaces accept.
 */
export interface Storebridge {
  syncOrders(options?: { bulk?: boolean; dryRun?: boolean }): Promise<Record<string, unknown>>;
  ordersToImport(): Promise<StagedOrder[]>;
  importOrders(orders: string[]): Promise<Record<string, unknown>>;
  /** seed 002: delete rows from the orders to import to exclude them from the sync. */
  excludeOrders(orders: string[]): Promise<void>;
  documents(order?: string): Promise<SalesDocument[]>;
  stock(): Promise<StockLevel[]>;
  order(order: string): Promise<MirroredOrder>;
  /** The mirrored order, or null when storebridge has not imported it (404). */
  imported(order: string): Promise<MirroredOrder | null>;
  unlink(order: string): Promise<void>;
  reimport(order: string): Promise<Record<string, unknown>>;
  /** Imported refunds and where each stands (`refunds --json`). */
  refunds(order?: string): Promise<ImportedRefund[]>;
  /** G/L entries, optionally of one document (`gl --json`). */
  gl(document?: string): Promise<GlEntry[]>;
  /** Shopify against the books (`reconcile --json`), for the shop or one order. */
  reconcile(order?: string): Promise<Reconciliation>;
}

/** `reconcile --json`: money as decimal strings, units as numbers. */
export interface Reconciliation {
  summary: {
    orders: number;
    refunds: number;
    differences: number;
    expected: number;
    differencesByCause: Record<string, number>;
    expectedByReason: Record<string, number>;
  };
  differences: ReconciliationFinding[];
  expected: ReconciliationFinding[];
}

export interface ReconciliationFinding {
  cause: string;
  expected: string | null;
  shopifyOrderId: string;
  orderName: string;
  shopifyRefundId: string | null;
  itemNo: string | null;
  shopify: string | number | null;
  books: string | number | null;
  message: string;
}

export interface ImportedRefund {
  shopifyOrderId: string;
  shopifyRefundId: string;
  status: string;
  statusReason: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  attempts: number;
  documentNos: string[];
}

export interface GlEntry {
  documentType: string;
  documentNo: string;
  accountNo: string;
  description: string;
  debit: string;
  credit: string;
  currency: string;
}

/** Thrown for any non-2xx answer, with the API's `{ error: { code, message } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: { code?: string; message?: string } },
  ) {
    super(`API ${status}: ${JSON.stringify(body)}`);
  }
}

/** `apiKey`: the operator's key, sent as `Authorization: Bearer` (every /api/ route needs one). */
export function apiStorebridge(server: StorebridgeServer, shop: string, apiKey: string): Storebridge {
  const call = async <T>(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown): Promise<T> => {
    const response = await server.inject({
      method,
      url,
      headers: { authorization: `Bearer ${apiKey}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    const body: unknown = response.body === '' ? undefined : response.json();
    if (response.statusCode >= 300) throw new ApiError(response.statusCode, body as ApiError['body']);
    return body as T;
  };
  const base = `/api/shops/${encodeURIComponent(shop)}`;
  const ref = (order: string) => encodeURIComponent(order);
  return {
    syncOrders: (options = {}) => call('POST', `${base}/sync/orders`, options),
    ordersToImport: async () => unwrap(await call('GET', `${base}/orders-to-import`), 'orders'),
    importOrders: (orders) => call('POST', `${base}/import`, { orders }),
    excludeOrders: async (orders) => {
      await call('POST', `${base}/orders-to-import/delete`, { orders });
    },
    documents: async (order) =>
      unwrap(
        await call('GET', `${base}/documents${order === undefined ? '' : `?order=${ref(order)}`}`),
        'documents',
      ),
    stock: async () => unwrap(await call('GET', '/api/stock'), 'stock'),
    order: (order) => call('GET', `${base}/orders/${ref(order)}`),
    imported: (order) =>
      call<MirroredOrder>('GET', `${base}/orders/${ref(order)}`).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
    unlink: async (order) => {
      await call('POST', `${base}/orders/${ref(order)}/unlink`);
    },
    reimport: (order) => call('POST', `${base}/orders/${ref(order)}/reimport`),
    refunds: async (order) =>
      unwrap(
        await call('GET', `${base}/refunds${order === undefined ? '' : `?order=${ref(order)}`}`),
        'refunds',
      ),
    gl: async (document) =>
      unwrap(
        await call('GET', `${base}/gl${document === undefined ? '' : `?document=${ref(document)}`}`),
        'entries',
      ),
    reconcile: (order) =>
      call('GET', `${base}/reconcile${order === undefined ? '' : `?order=${ref(order)}`}`),
  };
}

/** List answers come as `{ <name>: [...] }` (room for paging later) or as a bare array. */
function unwrap<T>(body: unknown, key: string): T[] {
  if (Array.isArray(body)) return body as T[];
  const list = (body as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list)) throw new Error(`expected { ${key}: [...] }, got ${JSON.stringify(body)}`);
  return list as T[];
}
