import type { Command } from 'commander';
import { openContext, type AppContext } from '../../runtime/context.ts';
import { startService, type RunningService } from '../../runtime/service.ts';
import { runAction } from '../run-action.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('migrate the database and serve the HTTP API and webhooks (PORT, default 3000)')
    .option('--port <port>', 'port to listen on (overrides PORT)')
    .option(
      '--with-worker',
      'also run a worker in this process (always so on the embedded store, which one process owns)',
    )
    .action(
      runAction(async (options: { port?: string; withWorker?: boolean }) => {
        const context = await openContext();
        await serve(context, {
          port: options.port === undefined ? undefined : Number(options.port),
          worker: options.withWorker === true,
        });
      }),
    );
  program
    .command('worker')
    .description(
      'run a worker: webhook jobs, periodic syncs, retries (on a PostgreSQL server; start as many as you like)',
    )
    .option('--port <port>', 'port for /health, /ready and /metrics (Default: PORT; 0 picks a free one)')
    .option('--batch-size <n>', 'order jobs taken per fetch', '5')
    .action(
      runAction(async (options: { port?: string; batchSize: string }) => {
        const context = await openContext();
        await serve(context, {
          port: options.port === undefined ? undefined : Number(options.port),
          worker: true,
          api: false,
          batchSize: Number(options.batchSize),
        });
      }),
    );
}

/**
 * Runs the service until SIGINT/SIGTERM, then shuts down gracefully (startService), runs
 * `beforeClose` (e.g. stop the demo emulator) and closes the store. Returns what is running.
 */
export async function serve(
  context: AppContext,
  options: { port?: number | undefined; worker: boolean; api?: boolean; batchSize?: number },
  beforeClose: () => Promise<void> = async () => undefined,
): Promise<RunningService> {
  // The embedded store belongs to one process: nobody else could work its queue.
  const worker = options.worker || context.store.backend === 'pglite';
  const service = await startService(context, {
    api: options.api ?? true,
    worker,
    port: options.port ?? context.config.PORT,
    host: context.config.HOST,
    batchSize: options.batchSize,
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    context.logger.info({ signal }, 'shutting down');
    await service.stop();
    await beforeClose();
    await context.close();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  context.logger.info(
    { address: service.address, store: context.store.location, worker, api: options.api ?? true },
    'storebridge is serving',
  );
  return service;
}
