import { InvalidArgumentError, type Command } from 'commander';
import { runEmulator, type RunEmulatorOptions } from '../../../emulator/src/cli.ts';
import { runAction } from '../run-action.ts';

const plans = ['standard', 'advanced', 'plus', 'off'] as const;

/**
 * `storebridge emulator`: the local Shopify Admin API that tests, benchmarks and the demo run
 * against. It lives in emulator/ and knows nothing of storebridge; this only starts it.
 * Every option and its default is documented in emulator/README.md.
 */
export function registerEmulator(program: Command): void {
  program
    .command('emulator')
    .description('run the local Shopify Admin API emulator (GraphQL + REST + webhooks) until interrupted')
    .option('--port <port>', 'TCP port', wholeNumber, 4010)
    .option('--host <address>', 'interface to listen on', '127.0.0.1')
    .option('--state <dir>', 'load the shop from DIR and save it after every change (default: in memory)')
    .option('--token <token>', 'Admin API access token clients must send (default: shpat_emulator_token)')
    .option('--app-secret <secret>', 'app secret that signs webhooks (default: emulator_app_secret)')
    .option('--seed <kind>', 'generate a fresh shop\'s history: "demo"')
    .option('--orders <n>', 'with --seed demo: how many orders (default 10)', wholeNumber)
    .option(
      '--mix <cases>',
      'with --seed demo: case weights and trait rates, e.g. "refund-pending=10,pos=0.5"',
    )
    .option('--seed-value <seed>', 'seed of the generated history and of live mode (default: demo)')
    .option('--rate <events/s>', 'live mode: keep producing merchant activity and webhooks', rate)
    .option('--throttle <plan>', `rate-limit plan: ${plans.join(' | ')} (default: standard)`, plan)
    .option('--chaos-5xx <rate>', 'share of API calls answered 500 (0..1)', fraction)
    .option('--chaos-reset <rate>', 'share of API connections reset (0..1)', fraction)
    .option(
      '--chaos-throttle <rate>',
      'share of API calls throttled regardless of the bucket (0..1)',
      fraction,
    )
    .option('--chaos-latency <ms>', 'added latency: "250" or a range "50-500"')
    .option('--chaos-seed <n>', 'seed of the chaos rolls (default 1)', wholeNumber)
    .option('--webhook-duplicate-rate <rate>', 'share of webhook deliveries sent twice (0..1)', fraction)
    .option('--webhook-drop-rate <rate>', 'share of webhook deliveries never sent (0..1)', fraction)
    .option(
      '--webhook-delay-window <ms>',
      'random delay per delivery, so deliveries arrive out of order',
      wholeNumber,
    )
    .action(
      runAction(async (options: RunEmulatorOptions & { seed?: string }) => {
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

function wholeNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new InvalidArgumentError(`"${value}" is not a whole number`);
  return parsed;
}

function fraction(value: string): number {
  const parsed = Number(value);
  if (!(parsed >= 0 && parsed <= 1))
    throw new InvalidArgumentError(`"${value}" is not a rate between 0 and 1`);
  return parsed;
}

function rate(value: string): number {
  const parsed = Number(value);
  if (!(parsed > 0))
    throw new InvalidArgumentError(`"${value}" is not a positive number of events per second`);
  return parsed;
}

function plan(value: string): (typeof plans)[number] {
  const known = plans.find((name) => name === value);
  if (!known) throw new InvalidArgumentError(`"${value}" is not a plan (${plans.join(', ')})`);
  return known;
}
