import { InvalidArgumentError, type Command } from 'commander';
import { runEmulator } from '../../../emulator/src/cli.ts';
import { runAction } from '../run-action.ts';

/**
 * `storebridge emulator`: the local Shopify Admin API that tests, benchmarks and the demo run
 * against. It lives in emulator/ and knows nothing of storebridge; this only starts it.
 */
export function registerEmulator(program: Command): void {
  program
    .command('emulator')
    .description('run the local Shopify Admin API emulator (GraphQL + REST) until interrupted')
    .option('--port <port>', 'TCP port', wholeNumber, 4010)
    .option('--host <address>', 'interface to listen on', '127.0.0.1')
    .option('--state <dir>', 'load the shop from DIR and save it after every change (default: in memory)')
    .option('--token <token>', 'Admin API access token clients must send (default: shpat_emulator_token)')
    .option('--app-secret <secret>', 'app secret that signs webhooks (default: emulator_app_secret)')
    .option('--seed <kind>', 'seed a fresh shop: "demo"')
    .option('--orders <n>', 'with --seed demo: how many orders to generate', wholeNumber)
    .action(
      runAction(async (options: EmulatorCommandOptions) => {
        if (options.seed !== undefined && options.seed !== 'demo') {
          throw new InvalidArgumentError(`--seed: unknown seed "${options.seed}" (known: demo)`);
        }
        const emulator = await runEmulator({ ...options, seed: options.seed });
        const stop = () => void emulator.close();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }),
    );
}

interface EmulatorCommandOptions {
  port: number;
  host: string;
  state?: string;
  token?: string;
  appSecret?: string;
  seed?: 'demo';
  orders?: number;
}

function wholeNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new InvalidArgumentError(`"${value}" is not a whole number`);
  return parsed;
}
