import { DEFAULT_APP_SECRET, DEFAULT_TOKEN, startEmulator, type RunningEmulator } from './index.ts';

/**
 * Options of `storebridge emulator` (the command itself is wired in src/cli by the lead):
 * - `--port <n>`: TCP port (Default: 4010).
 * - `--host <addr>`: interface (Default: 127.0.0.1).
 * - `--state <dir>`: load the shop from `<dir>/shop.json` and save it after each change (Default: memory).
 * - `--token <t>`: Admin API access token (Default: `shpat_emulator_token`).
 * - `--app-secret <s>`: app secret for webhook HMACs (Default: `emulator_app_secret`).
 * - `--seed demo [--orders <n>]`: on a fresh shop, 2 locations, 5 products (SKUs SB-...) with
 *   stock and `n` simple paid orders (Default orders: 10), deterministic.
 */
export interface RunEmulatorOptions {
  port?: number;
  host?: string;
  state?: string;
  token?: string;
  appSecret?: string;
  seed?: 'demo';
  orders?: number;
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
    seed:
      options.seed === 'demo' ? { kind: 'demo', orders: options.orders ?? DEFAULT_DEMO_ORDERS } : undefined,
  });
  print(`Shopify Admin API emulator listening on ${emulator.url}`);
  print(`  GraphQL:    POST ${emulator.url}/admin/api/2025-01/graphql.json`);
  print(`  REST:       ${emulator.url}/admin/api/2025-01/<resource>.json`);
  print(`  token:      ${emulator.token}   (header X-Shopify-Access-Token)`);
  print(`  app secret: ${emulator.appSecret}`);
  print(
    `  control:    GET ${emulator.url}/__emulator/log, POST /__emulator/log/reset, POST /__emulator/reset`,
  );
  print(options.state ? `  state:      ${options.state}/shop.json` : '  state:      in memory');
  return emulator;
}
