/**
 * The benchmark's Shopify: an emulator in its own process, so the importer's RSS and CPU are
 * measured alone. Seeds `--orders N` through the merchant simulator (emulator/src/simulator,
 * the default mix: 2-3 goods an order, refunds, edits, cancellations), then prints one JSON line
 * `{ url, token, orders, seedMs }` and serves until it is killed.
 *
 *   npx tsx bench/support/emulator-process.ts --orders 1000 --throttle standard [--mix <mix>]
 */
import { parseArgs } from 'node:util';
import { startEmulator, type PlanName } from '../../emulator/src/index.ts';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '1000' },
    throttle: { type: 'string', default: 'standard' },
    seed: { type: 'string', default: 'bench' },
    /** Simulator case weights and trait rates (emulator/README.md), e.g. "plain=70,refund-pending=3". */
    mix: { type: 'string' },
  },
});

const started = performance.now();
const emulator = await startEmulator({
  port: 0,
  throttle: values.throttle as PlanName,
  seed: {
    kind: 'demo',
    orders: Number(values.orders),
    seed: values.seed,
    ...(values.mix !== undefined && { mix: values.mix }),
  },
});
emulator.log.reset();
process.stdout.write(
  JSON.stringify({
    url: emulator.url,
    token: emulator.token,
    orders: emulator.state.data.orders.length,
    seedMs: Math.round(performance.now() - started),
  }) + '\n',
);
const stop = () => void emulator.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
