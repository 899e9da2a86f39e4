export type { JobDb, JobSender, OrderSyncJob } from './contract.ts';
export { openJobQueue, jobsSchema, type JobQueue, type ShopSyncJob } from './job-queue.ts';
export { queueNames, queueDefinitions } from './queues.ts';
export { startWorker, type Worker, type WorkerOptions } from './worker.ts';
export {
  deadLetterBox,
  listNeedsAttention,
  retryDeadLetter,
  type DeadLetter,
  type DeadLetterBox,
} from './needs-attention.ts';
export { jobCounts } from './job-counts.ts';
export { listAttention, type AttentionList } from './list-attention.ts';
export { dashboard, apiCostWindowSeconds, type ApiCost, type Dashboard } from './dashboard.ts';
export { registerJobsRoutes, JobQueueUnavailableError } from './http-routes.ts';
