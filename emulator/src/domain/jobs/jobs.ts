import { NotFound } from '../errors.ts';
import type { Job } from '../model/job.ts';
import type { ShopState } from '../state.ts';

/**
 * Async jobs: the work is applied when the job is created, but like Shopify the mutation
 * answers `done: false`; any later `job(id)` query finds it done.
 */
export function pollJob(state: ShopState, id: string): Job {
  const job = state.data.jobs.find((candidate) => candidate.id === id);
  if (!job) throw new NotFound('Job', id);
  job.done = true;
  return { ...job };
}
