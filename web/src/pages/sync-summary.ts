/**
 * What a finished sync did, in words, from the `done` event's summary (src/sync/sync-orders.ts
 * SyncSummary; the plain POST …/sync/orders answers the same fields at the top level).
 */
export interface SyncSummary {
  stage?: { fetched?: number };
  staged?: number;
  imported?: number;
  conflicts?: number;
  errors?: { name: string; message: string }[];
  skipped?: number;
  warnings?: string[];
  archived?: number;
  refunds?: Partial<Record<'processed' | 'waiting' | 'not_convertible' | 'error', number>>;
  refundErrors?: { orderName: string; message: string }[];
}

/** The `done` event's data is `{ runId, summary }`; the plain sync's answer is the summary itself. */
export function syncSummaryOf(data: Record<string, unknown>): SyncSummary {
  const nested = data.summary;
  return (nested !== null && typeof nested === 'object' ? nested : data) as SyncSummary;
}

/** A sync that left orders or refunds failing finishes in orange, not green. */
export function hadFailures(data: Record<string, unknown>): boolean {
  const summary = syncSummaryOf(data);
  return (summary.errors?.length ?? 0) > 0 || (summary.refundErrors?.length ?? 0) > 0;
}

/** "3 orders" / "1 order". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The headline and any further lines, e.g. "Fetched 12 orders from Shopify: 10 staged, 9 imported." */
export function describeSyncSummary(summary: SyncSummary): string[] {
  const fetched = summary.stage?.fetched;
  const failed = summary.errors?.length ?? 0;
  const figures = [
    `${summary.staged ?? 0} staged`,
    `${summary.imported ?? 0} imported`,
    failed > 0 ? `${failed} failed` : null,
    summary.conflicts ? `${count(summary.conflicts, 'conflict')}` : null,
    summary.skipped ? `${summary.skipped} skipped (already current, excluded or not eligible)` : null,
    summary.archived ? `${summary.archived} archived` : null,
  ].filter((part): part is string => part !== null);
  const lines = [
    fetched === undefined
      ? `Orders: ${figures.join(', ')}.`
      : `Fetched ${count(fetched, 'order')} from Shopify: ${figures.join(', ')}.`,
  ];
  const refunds = describeRefunds(summary);
  if (refunds) lines.push(refunds);
  if (failed > 0)
    lines.push(`Not imported: ${summary.errors?.map((e) => `${e.name} (${e.message})`).join('; ')}.`);
  for (const warning of summary.warnings ?? []) lines.push(`Warning: ${warning}`);
  return lines;
}

function describeRefunds(summary: SyncSummary): string | null {
  const r = summary.refunds ?? {};
  const parts = [
    r.processed ? `${r.processed} booked` : null,
    r.waiting ? `${r.waiting} waiting` : null,
    r.not_convertible ? `${r.not_convertible} not convertible` : null,
    r.error ? `${r.error} failed` : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0) return null;
  const total = Object.values(r).reduce((sum, n) => sum + (n ?? 0), 0);
  const errors = (summary.refundErrors ?? []).map((e) => `${e.orderName}: ${e.message}`);
  return `${count(total, 'refund')}: ${parts.join(', ')}.${errors.length ? ` ${errors.join('; ')}.` : ''}`;
}

/** Live progress, e.g. "Importing: 12 fetched, 10 staged, 4 imported, 1 failed". */
export function describeProgress(progress: Record<string, unknown>): string {
  const phase = typeof progress.phase === 'string' ? progress.phase : '';
  const figures = (['fetched', 'staged', 'imported', 'failed'] as const)
    .filter((key) => typeof progress[key] === 'number')
    .map((key) => `${String(progress[key])} ${key}`);
  const head = phase ? `${phase.charAt(0).toUpperCase()}${phase.slice(1)}` : 'Working';
  return figures.length ? `${head}: ${figures.join(', ')}` : `${head}…`;
}
