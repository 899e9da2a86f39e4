import type { Command } from 'commander';
import { buildServer } from '../../http/server.ts';
import { openContext, type AppContext } from '../../runtime/context.ts';
import { runAction } from '../run-action.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('migrate the database and serve the HTTP API (PORT, default 3000)')
    .option('--port <port>', 'port to listen on (overrides PORT)')
    .action(
      runAction(async (options: { port?: string }) => {
        const context = await openContext();
        await serve(context, options.port === undefined ? undefined : Number(options.port));
      }),
    );
}

/**
 * Listens until SIGINT/SIGTERM, then finishes requests in flight, runs `beforeClose` (e.g. stop
 * the demo emulator) and closes the store. Returns the address it listens on.
 */
export async function serve(
  context: AppContext,
  portOverride?: number,
  beforeClose: () => Promise<void> = async () => undefined,
): Promise<string> {
  const app = buildServer({
    store: context.store,
    logger: context.logger,
    secretKey: context.secretKey,
    notifier: context.notifier,
  });
  const port = portOverride ?? context.config.PORT;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    context.logger.info({ signal }, 'shutting down');
    await app.close();
    await beforeClose();
    await context.close();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  const address = await app.listen({ port, host: context.config.HOST });
  context.logger.info({ address, store: context.store.location }, 'storebridge is serving');
  return address;
}
