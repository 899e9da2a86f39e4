export type { JobDb, JobSender, OrderSyncJob } from './contract.ts';
export { openJobQueue, jobsSchema, type JobQueue, type ShopSyncJob } from './job-queue.ts';
export { queueNames, queueDefinitions } from './queues.ts';
export { startWorker, type Worker, type WorkerOptions } from './worker.ts';
export { listNeedsAttention, retryDeadLetter, type DeadLetter } from './needs-attention.ts';
export { jobCounts } from './job-counts.ts';
