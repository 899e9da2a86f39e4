import type {
  FinancialStatus,
  FulfillmentStatus,
  RestockType,
  RiskLevel,
  TransactionKind,
  TransactionStatus,
} from '../../domain/order.ts';
import { ValidationError } from '../../shared/errors.ts';

const financial: readonly FinancialStatus[] = [
  'pending',
  'authorized',
  'partially_paid',
  'paid',
  'partially_refunded',
  'refunded',
  'voided',
  'expired',
];
const fulfillment: readonly FulfillmentStatus[] = [
  'unfulfilled',
  'partially_fulfilled',
  'fulfilled',
  'restocked',
  'scheduled',
  'on_hold',
  'in_progress',
  'pending_fulfillment',
  'open',
  'request_declined',
];
const kinds: readonly TransactionKind[] = [
  'authorization',
  'capture',
  'sale',
  'refund',
  'void',
  'change',
  'suggested_refund',
];
const transactionStatuses: readonly TransactionStatus[] = [
  'pending',
  'success',
  'failure',
  'error',
  'awaiting_response',
  'unknown',
];
const restockTypes: readonly RestockType[] = ['no_restock', 'cancel', 'return', 'legacy_restock'];

/** Shopify's enum value (`PARTIALLY_PAID`) as our lowercase one, refusing anything unknown. */
function lower<T extends string>(allowed: readonly T[], value: string, field: string): T {
  const candidate = value.toLowerCase() as T;
  if (allowed.includes(candidate)) return candidate;
  const message = `unknown value "${value}"`;
  throw new ValidationError(`${field}: ${message}`, [{ path: field, message }]);
}

export function financialStatus(value: string | null): FinancialStatus | null {
  return value === null ? null : lower(financial, value, 'displayFinancialStatus');
}

export function fulfillmentStatus(value: string): FulfillmentStatus {
  return lower(fulfillment, value, 'displayFulfillmentStatus');
}

/** EMV_AUTHORIZATION (card-present) is an authorization for our purposes. */
export function transactionKind(value: string, field: string): TransactionKind {
  return lower(kinds, value === 'EMV_AUTHORIZATION' ? 'AUTHORIZATION' : value, field);
}

export function transactionStatus(value: string, field: string): TransactionStatus {
  return lower(transactionStatuses, value, field);
}

export function restockType(value: string, field: string): RestockType {
  return lower(restockTypes, value, field);
}

const riskOrder: readonly RiskLevel[] = ['low', 'medium', 'high'];
const byRecommendation: Record<string, RiskLevel> = { ACCEPT: 'low', INVESTIGATE: 'medium', CANCEL: 'high' };

/**
 * The order's risk for the staging filter (seed 002: "import ... the ones with a low risk
 * level"): the highest assessed level; without a usable assessment, Shopify's recommendation
 * (accept / investigate / cancel); `null` when Shopify has not assessed the order.
 */
export function riskLevel(
  risk: { recommendation: string | null; assessments: { riskLevel: string | null }[] } | null,
): RiskLevel | null {
  if (!risk) return null;
  const assessed = risk.assessments
    .map((assessment) => assessment.riskLevel?.toLowerCase() as RiskLevel)
    .filter((level) => riskOrder.includes(level));
  if (assessed.length > 0)
    return assessed.reduce((a, b) => (riskOrder.indexOf(b) > riskOrder.indexOf(a) ? b : a));
  return risk.recommendation ? (byRecommendation[risk.recommendation] ?? null) : null;
}

const channelBySource: Record<string, string> = {
  web: 'Online Store',
  pos: 'Point of Sale',
  shopify_draft_order: 'Draft Orders',
};

/**
 * The sales channel's name for the channel filter (seed 002: "<>Point of Sale"): the app that
 * placed the order when Shopify says, else Shopify's well-known source names, else the source.
 */
export function channelName(appTitle: string | null | undefined, sourceName: string | null): string | null {
  if (appTitle) return appTitle;
  if (sourceName === null) return null;
  return channelBySource[sourceName] ?? sourceName;
}
