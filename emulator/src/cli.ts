import { parseLatency } from './chaos/parse-latency.ts';
import {
  DEFAULT_APP_SECRET,
  DEFAULT_TOKEN,
  startEmulator,
  type PlanName,
  type RunningEmulator,
} from './index.ts';

/**
 * Options of `storebridge emulator` (the command itself is wired in src/cli by the lead):
 * - `--port <n>`: TCP port (Default: 4010).
 * - `--host <addr>`: interface (Default: 127.0.0.1).
 * - `--state <dir>`: load the shop from `<dir>/shop.json` and save it after each change (Default: memory).
 * - `--token <t>`: Admin API access token (Default: `shpat_emulator_token`).
 * - `--app-secret <s>`: app secret for webhook HMACs (Default: `emulator_app_secret`).
 * - `--seed demo [--orders <n>] [--mix <cases>] [--seed-value <s>]`: on a fresh shop, 3 locations,
 *   the SB-... products with stock and `n` orders with their later history (Default orders: 10;
 *   mix: the default of emulator/README.md), deterministic.
 * - `--rate <events/s>`: live mode, keeps producing merchant activity and webhooks (Default: off).
 * - `--webhook-duplicate-rate`, `--webhook-drop-rate` (0..1), `--webhook-delay-window <ms>`:
 *   delivery chaos (Default: 0).
 * - `--throttle standard|advanced|plus|off`: rate-limit plan (Default: standard).
 * - `--chaos-5xx <rate>`, `--chaos-reset <rate>`, `--chaos-throttle <rate>` (0..1),
 *   `--chaos-latency <ms | min-max>`, `--chaos-seed <n>`: Admin API chaos (Default: none, seed 1).
 */
export interface RunEmulatorOptions {
  port?: number;
  host?: string;
  state?: string;
  token?: string;
  appSecret?: string;
  seed?: 'demo';
  orders?: number;
  /** `refund-pending=10,pos=0.5`: case weights and trait rates over the default mix. */
  mix?: string;
  /** Seed of the generated history and of live mode (Default: 'demo'). */
  seedValue?: string;
  /** Live mode: events per second (Default: off). */
  rate?: number;
  webhookDuplicateRate?: number;
  webhookDropRate?: number;
  webhookDelayWindow?: number;
  throttle?: PlanName;
  chaos5xx?: number;
  chaosReset?: number;
  chaosThrottle?: number;
  /** `250` or `50-500` (ms). */
  chaosLatency?: string;
  chaosSeed?: number;
  /** Where the start-up banner goes (Default: console.log). */
  print?: (line: string) => void;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_DEMO_ORDERS = 10;

/** Starts the emulator for the CLI, prints where it listens and its credentials, and returns it. */
export async function runEmulator(options: RunEmulatorOptions = {}): Promise<RunningEmulator> {
  const print = options.print ?? ((line: string) => console.log(line));
  const emulator = await startEmulator({
    port: options.port ?? DEFAULT_PORT,
    host: options.host ?? '127.0.0.1',
    token: options.token ?? DEFAULT_TOKEN,
    appSecret: options.appSecret ?? DEFAULT_APP_SECRET,
    stateDir: options.state,
    throttle: options.throttle,
    chaos: {
      seed: options.chaosSeed,
      serverErrorRate: options.chaos5xx,
      connectionResetRate: options.chaosReset,
      throttleRate: options.chaosThrottle,
      latencyMs: options.chaosLatency === undefined ? undefined : parseLatency(options.chaosLatency),
    },
    seed:
      options.seed === 'demo'
        ? {
            kind: 'demo',
            orders: options.orders ?? DEFAULT_DEMO_ORDERS,
            mix: options.mix,
            seed: options.seedValue,
          }
        : undefined,
    live: options.rate ? { rate: options.rate, seed: options.seedValue, mix: options.mix } : undefined,
    webhooks: {
      chaos: {
        duplicateRate: options.webhookDuplicateRate,
        dropRate: options.webhookDropRate,
        delayWindowMs: options.webhookDelayWindow,
      },
    },
  });
  print(`Shopify Admin API emulator listening on ${emulator.url}`);
  print(`  GraphQL:    POST ${emulator.url}/admin/api/2025-01/graphql.json`);
  print(`  REST:       ${emulator.url}/admin/api/2025-01/<resource>.json`);
  print(`  token:      ${emulator.token}   (header X-Shopify-Access-Token)`);
  print(`  app secret: ${emulator.appSecret}`);
  print(
    `  control:    GET ${emulator.url}/__emulator/log, POST /__emulator/log/reset, POST /__emulator/reset`,
  );
  print(`  webhooks:   GET ${emulator.url}/__emulator/webhooks/deliveries, POST /__emulator/simulate`);
  if (options.rate) print(`  live:       ${options.rate} events/s (POST /__emulator/live {"rate": 0} stops)`);
  print(options.state ? `  state:      ${options.state}/shop.json` : '  state:      in memory');
  return emulator;
}
