import { fail } from '../errors.ts';
import { bagFromPresentment, type Bag } from '../money/bag.ts';
import { parseDecimalToMinor } from '../money/decimal.ts';
import type { Order } from '../model/order.ts';
import {
  transactionKinds,
  type Transaction,
  type TransactionKind,
  type TransactionStatus,
} from '../model/payments.ts';
import type { ShopState } from '../state.ts';
import { orderCurrencies } from './currencies.ts';

export interface TransactionDraft {
  id?: number;
  kind: string;
  status?: string;
  amount: Bag;
  gateway: string;
  parentId: number | null;
  authorization?: string | null;
  test?: boolean;
  sourceName?: string;
  processedAt?: string;
  createdAt?: string;
  message?: string | null;
  refundId?: number | null;
  receipt?: Record<string, unknown>;
  creditCard?: Transaction['creditCard'];
}

const statuses: readonly TransactionStatus[] = ['pending', 'success', 'failure', 'error'];

/** Appends a transaction to the order with Shopify's payment id "#1001.n" numbering. */
export function recordTransaction(state: ShopState, order: Order, draft: TransactionDraft): Transaction {
  if (!(transactionKinds as readonly string[]).includes(draft.kind)) {
    fail('Kind is not included in the list', ['transaction', 'kind']);
  }
  const status = (draft.status ?? 'success') as TransactionStatus;
  if (!statuses.includes(status)) fail('Status is not included in the list', ['transaction', 'status']);
  const now = state.now();
  const transaction: Transaction = {
    id: draft.id === undefined ? state.nextId() : state.claimId(draft.id),
    orderId: order.id,
    kind: draft.kind as TransactionKind,
    status,
    gateway: draft.gateway,
    amount: draft.amount,
    parentId: draft.parentId,
    authorization: draft.authorization ?? null,
    message: draft.message ?? null,
    errorCode: null,
    test: draft.test ?? order.test,
    sourceName: draft.sourceName ?? 'web',
    locationId: null,
    userId: null,
    deviceId: null,
    paymentId: `${order.name}.${order.transactions.length + 1}`,
    refundId: draft.refundId ?? null,
    receipt: draft.receipt ?? {},
    creditCard: draft.creditCard ?? null,
    manualPaymentGateway: draft.gateway === 'manual',
    createdAt: draft.createdAt ?? draft.processedAt ?? now,
    processedAt: draft.processedAt ?? draft.createdAt ?? now,
  };
  order.transactions.push(transaction);
  return transaction;
}

export function amountBag(order: Order, amount: string | number): Bag {
  const currencies = orderCurrencies(order);
  return bagFromPresentment(parseDecimalToMinor(amount, currencies.presentment), currencies);
}
