import type { AddressInfo } from 'node:net';
import { createShopState, type Clock, type ShopState } from './domain/index.ts';
import { getServedSchema } from './graphql/schema/served-schema.ts';
import { RequestLog } from './log/request-log.ts';
import { handleRest } from './rest/index.ts';
import { seedDemo, type DemoSeed } from './seed-demo.ts';
import { createEmulatorServer } from './server.ts';
import { loadStateDir, saveStateDir } from './state-dir.ts';

export { INVALID_TOKEN_BODY } from './server.ts';
export type { LogEntry } from './log/request-log.ts';
export type { DemoSeed } from './seed-demo.ts';

/** Default Admin API access token (`X-Shopify-Access-Token`). */
export const DEFAULT_TOKEN = 'shpat_emulator_token';
/** Default app secret (webhook HMAC signing, OAuth). */
export const DEFAULT_APP_SECRET = 'emulator_app_secret';

export interface EmulatorOptions {
  /** TCP port (Default: 0 = a free random port). */
  port?: number;
  /** Interface to bind (Default: '127.0.0.1'). */
  host?: string;
  /** Access token clients must send (Default: `shpat_emulator_token`). */
  token?: string;
  /** App secret (Default: `emulator_app_secret`). */
  appSecret?: string;
  /** Folder to load the shop from at start and save it to after each mutating call (Default: memory only). */
  stateDir?: string;
  /** Clock for every timestamp (Default: system clock); tests pass a movable one. */
  clock?: Clock;
  /** Demo data for a fresh shop (Default: none); ignored when `stateDir` already holds a shop. */
  seed?: DemoSeed;
}

export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:4010`; GraphQL is at `${url}/admin/api/2025-01/graphql.json`. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly appSecret: string;
  /** The live shop (the same object across `/__emulator/reset`). */
  readonly state: ShopState;
  readonly log: RequestLog;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clock = options.clock ?? (() => new Date());
  const token = options.token ?? DEFAULT_TOKEN;
  const appSecret = options.appSecret ?? DEFAULT_APP_SECRET;
  const stateDir = options.stateDir;
  const loaded = stateDir ? loadStateDir(stateDir, clock) : undefined;
  const state = loaded ?? createShopState({ clock });
  if (!loaded && options.seed) seedDemo(state, options.seed);
  const save = () => {
    if (stateDir) saveStateDir(stateDir, state);
  };
  save();
  const log = new RequestLog();
  const server = createEmulatorServer({
    state,
    schema: getServedSchema(),
    log,
    token,
    rest: handleRest,
    resetShop: () => resetShop(state),
    afterMutation: save,
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    token,
    appSecret,
    state,
    log,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** `POST /__emulator/reset`: an empty shop with the same settings, in the same object. */
function resetShop(state: ShopState): void {
  const fresh = createShopState({ clock: state.clock, shop: state.data.shop });
  Object.assign(state.data, fresh.data);
}
