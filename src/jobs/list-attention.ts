import {
  attentionActions,
  attentionKinds,
  findOrderNames,
  listSyncAttention,
  type AttentionItem,
  type AttentionKind,
  type SyncDeps,
} from '../sync/index.ts';
import type { DeadLetter, DeadLetterBox } from './needs-attention.ts';

export interface AttentionList {
  items: AttentionItem[];
  counts: Record<AttentionKind, number>;
}

export interface AttentionDeps {
  sync: SyncDeps;
  /** Without a job queue attached, there are no dead letters to list. */
  deadLetters?: DeadLetterBox | undefined;
}

/**
 * The one list an operator works from (issue 9 item 7), newest first: jobs that failed for good
 * (dead letters), staged orders whose import failed, refunds whose booking failed, and
 * reconcile's differences (computed now; they are not stored), each with the calls that fix it.
 */
export async function listAttention(
  deps: AttentionDeps,
  options: { shopCode?: string | undefined; reconcile?: boolean | undefined } = {},
): Promise<AttentionList> {
  const letters = (await deps.deadLetters?.list()) ?? [];
  const ofShop = letters.filter((l) => options.shopCode === undefined || shopOf(l) === options.shopCode);
  const items = [
    ...(await deadLetterItems(deps.sync, ofShop)),
    ...(await listSyncAttention(deps.sync, options)),
  ];
  items.sort((a, b) => b.since.localeCompare(a.since));
  const counts = Object.fromEntries(attentionKinds.map((kind) => [kind, 0])) as Record<AttentionKind, number>;
  for (const item of items) counts[item.kind] += 1;
  return { items, counts };
}

async function deadLetterItems(sync: SyncDeps, letters: readonly DeadLetter[]): Promise<AttentionItem[]> {
  const refs = letters.flatMap((letter) => {
    const shopCode = shopOf(letter);
    const shopifyOrderId = orderOf(letter);
    return shopCode !== null && shopifyOrderId !== null ? [{ shopCode, shopifyOrderId }] : [];
  });
  const names = await findOrderNames(sync, refs);
  return letters.map((letter) => {
    const shopCode = shopOf(letter);
    const orderId = orderOf(letter);
    return {
      kind: 'dead_letter',
      shopCode,
      ...(orderId !== null && { order: { id: orderId, name: names.get(`${shopCode}|${orderId}`) ?? null } }),
      code: letter.error?.code ?? 'job_failed',
      message: `${letter.queue} job: ${letter.error?.message ?? 'failed without an error recorded'}`,
      since: letter.failedAt,
      actions: [attentionActions.retryJob(letter.id)],
    };
  });
}

function shopOf(letter: DeadLetter): string | null {
  return typeof letter.data.shopCode === 'string' ? letter.data.shopCode : null;
}

function orderOf(letter: DeadLetter): string | null {
  return typeof letter.data.shopifyOrderId === 'string' ? letter.data.shopifyOrderId : null;
}
