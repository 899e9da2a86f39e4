import type { Command } from 'commander';
import { listNeedsAttention, openJobQueue, retryDeadLetter, type JobQueue } from '../../jobs/index.ts';
import { withContext } from '../../runtime/context.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { printJson, runAction } from '../run-action.ts';

/**
 * `jobs needs-attention` and `jobs retry <id>` (issue 7 item 2): jobs that failed for good (a
 * permanent error, or every retry spent) wait here with their last error until someone acts.
 */
export function registerJobs(program: Command): void {
  const jobs = program.command('jobs').description('the job queue: what needs attention, and retries');
  jobs
    .command('needs-attention')
    .description('dead-lettered jobs with their last error, newest first')
    .option('--json', 'print JSON')
    .action(
      runAction((options: { json?: boolean }) =>
        withQueue(async (queue) => {
          const letters = await listNeedsAttention(queue);
          if (options.json) return printJson(letters);
          for (const letter of letters) {
            const error = letter.error
              ? `${letter.error.code}: ${letter.error.message}`
              : 'no error recorded';
            process.stdout.write(
              `${letter.id}  ${letter.failedAt}  ${letter.queue}  ${JSON.stringify(letter.data)}  ${error}\n`,
            );
          }
          process.stdout.write(`${letters.length} job(s) need attention\n`);
        }),
      ),
    );
  jobs
    .command('retry <id>')
    .description('send a dead-lettered job again, with fresh retries')
    .action(
      runAction((id: string) =>
        withQueue(async (queue) => {
          if (!(await retryDeadLetter(queue, id)))
            throw new NotFoundError(`No dead-lettered job ${id} (jobs needs-attention lists them)`);
          process.stdout.write(`job ${id} sent again\n`);
        }),
      ),
    );
}

async function withQueue(work: (queue: JobQueue) => Promise<void>): Promise<void> {
  await withContext(async (context) => {
    const queue = await openJobQueue(context.store, { logger: context.logger });
    try {
      await work(queue);
    } finally {
      await queue.stop({ graceful: false });
    }
  });
}
