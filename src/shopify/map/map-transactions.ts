import type { Transaction } from '../../domain/order.ts';
import { legacyId } from '../ids.ts';
import type { TransactionNode } from '../payload.ts';
import { bag } from './money.ts';
import { transactionKind, transactionStatus } from './statuses.ts';

export function mapTransaction(node: TransactionNode, field: string): Transaction {
  return {
    shopifyId: legacyId(node.id),
    kind: transactionKind(node.kind, `${field}.kind`),
    status: transactionStatus(node.status, `${field}.status`),
    gateway: node.gateway,
    amount: bag(node.amountSet, `${field}.amountSet`),
    parentShopifyId: node.parentTransaction ? legacyId(node.parentTransaction.id) : null,
    processedAt: node.processedAt,
    paymentReference: node.paymentId || node.authorizationCode || null,
    test: node.test,
  };
}

/**
 * The order's payment reference (seed 004 "third-party reference"): the provider's reference of
 * the first successful sale or capture, else of its authorization.
 */
export function paymentReference(transactions: readonly Transaction[]): string | null {
  const settled = transactions.find(
    (t) => (t.kind === 'sale' || t.kind === 'capture') && t.status === 'success' && t.paymentReference,
  );
  const authorized = transactions.find(
    (t) => t.kind === 'authorization' && t.status === 'success' && t.paymentReference,
  );
  return settled?.paymentReference ?? authorized?.paymentReference ?? null;
}
