import type { JobQueue } from './job-queue.ts';
import { jobKey, queueNames } from './queues.ts';

/** A job that failed after its retries (or at once, for a permanent error), kept for an operator. */
export interface DeadLetter {
  id: string;
  /** The queue it failed on: order-sync, shop-sync. */
  queue: string;
  data: Record<string, unknown>;
  /** The last error, as the failing attempt recorded it. */
  error: { code: string; message: string } | null;
  failedAt: string;
}

/** The dead letters of a job queue, as the API sees them (the queue itself stays the runtime's). */
export interface DeadLetterBox {
  list(): Promise<DeadLetter[]>;
  /** false when there is no such dead letter (already retried, or never was). */
  retry(id: string): Promise<boolean>;
}

export function deadLetterBox(queue: JobQueue): DeadLetterBox {
  return { list: () => listNeedsAttention(queue), retry: (id) => retryDeadLetter(queue, id) };
}

/** The dead letters, newest first: the "needs attention" list (issue 7 item 2). */
export async function listNeedsAttention(queue: JobQueue): Promise<DeadLetter[]> {
  const letters = await queue.boss.findJobs<Record<string, unknown>>(queueNames.deadLetters, {
    queued: true,
  });
  const result: DeadLetter[] = [];
  for (const letter of letters) {
    const source = letter.sourceName ?? 'unknown';
    const [original] = letter.sourceId ? await queue.boss.findJobs(source, { id: letter.sourceId }) : [];
    result.push({
      id: letter.id,
      queue: source,
      data: letter.data,
      error: lastError(original?.output),
      failedAt: letter.createdOn.toISOString(),
    });
  }
  return result.sort((a, b) => b.failedAt.localeCompare(a.failedAt));
}

/** Sends a dead letter's job again (its original queue, fresh retries) and takes it off the list. */
export async function retryDeadLetter(queue: JobQueue, id: string): Promise<boolean> {
  const [letter] = await queue.boss.findJobs<Record<string, unknown>>(queueNames.deadLetters, { id });
  if (!letter?.sourceName || letter.state !== 'created') return false;
  await queue.boss.send(letter.sourceName, letter.data, {
    ...(typeof letter.data.shopCode === 'string' && { singletonKey: jobKey(letter.data) }),
  });
  await queue.boss.deleteJob(queueNames.deadLetters, id);
  return true;
}

function lastError(output: unknown): DeadLetter['error'] {
  const value = output as { code?: unknown; message?: unknown } | null | undefined;
  if (!value || typeof value.message !== 'string') return null;
  return { code: typeof value.code === 'string' ? value.code : 'unexpected', message: value.message };
}
