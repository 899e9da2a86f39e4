import type { RefundInput, RefundLineItemInput } from '../../domain/index.ts';
import { numericId } from '../gid.ts';

/** GraphQL `RefundLineItemInput` (ids as gids, restock types as enum values). */
export interface GqlRefundLineItemInput {
  lineItemId: string;
  quantity: number;
  restockType?: 'RETURN' | 'CANCEL' | 'LEGACY_RESTOCK' | 'NO_RESTOCK' | null;
  locationId?: string | null;
}

/** GraphQL `RefundInput` (refundCreate). */
export interface GqlRefundInput {
  orderId: string;
  currency?: string | null;
  note?: string | null;
  notify?: boolean | null;
  shipping?: { amount?: string | null; fullRefund?: boolean | null } | null;
  refundLineItems?: GqlRefundLineItemInput[] | null;
  refundDuties?: { dutyId: string; refundType?: 'FULL' | 'PROPORTIONAL' | null }[] | null;
  transactions?:
    { amount: string; gateway: string; kind: string; orderId: string; parentId?: string | null }[] | null;
  discrepancyReason?: string | null;
}

/** An id that names nothing of the right type becomes -1, so the domain reports it as not found. */
function idOf(value: string, type: string): number {
  return numericId(value, type) ?? -1;
}

export function refundLineItemsToDomain(items: readonly GqlRefundLineItemInput[] | null | undefined) {
  return (items ?? []).map((item): RefundLineItemInput => ({
    lineItemId: idOf(item.lineItemId, 'LineItem'),
    quantity: item.quantity,
    ...(item.restockType && item.restockType !== 'LEGACY_RESTOCK'
      ? { restockType: item.restockType }
      : item.restockType === 'LEGACY_RESTOCK'
        ? { restockType: 'legacy_restock' as const }
        : {}),
    ...(item.locationId ? { locationId: idOf(item.locationId, 'Location') } : {}),
  }));
}

export function refundInputToDomain(input: GqlRefundInput): RefundInput {
  return {
    ...(input.currency ? { currency: input.currency } : {}),
    note: input.note ?? null,
    ...(input.notify != null ? { notify: input.notify } : {}),
    discrepancyReason: input.discrepancyReason?.toLowerCase() ?? null,
    ...(input.shipping
      ? {
          shipping: { fullRefund: input.shipping.fullRefund ?? false, amount: input.shipping.amount ?? null },
        }
      : {}),
    refundLineItems: refundLineItemsToDomain(input.refundLineItems),
    refundDuties: (input.refundDuties ?? []).map((duty) => ({
      dutyId: idOf(duty.dutyId, 'Duty'),
      refundType: duty.refundType ?? 'FULL',
    })),
    transactions: (input.transactions ?? []).map((t) => ({
      amount: t.amount,
      gateway: t.gateway,
      kind: t.kind.toLowerCase(),
      parentId: t.parentId ? idOf(t.parentId, 'OrderTransaction') : null,
    })),
  };
}
