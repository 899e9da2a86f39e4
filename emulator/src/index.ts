import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { bulkControlRoutes } from './bulk/bulk-control.ts';
import { createBulkOperations, type BulkOperations } from './bulk/bulk-operations.ts';
import { attachBulkOperations } from './bulk/bulk-registry.ts';
import { createApiChaos, type ApiChaos, type ApiChaosConfig } from './chaos/api-chaos.ts';
import { chaosControlRoutes } from './chaos/chaos-control.ts';
import { withForcedGraphqlThrottle, withForcedRestThrottle } from './chaos/forced-throttle.ts';
import { clockControlRoutes } from './clock/clock-control.ts';
import { createControllableClock, type ControllableClock } from './clock/controllable-clock.ts';
import { createShopState, type Clock, type ShopState } from './domain/index.ts';
import { createEventBus, type EventBus } from './events/bus.ts';
import { queryRoot } from './graphql/roots/query-root.ts';
import { getServedSchema } from './graphql/schema/served-schema.ts';
import { RequestLog } from './log/request-log.ts';
import type { PlanName } from './throttle/plans.ts';
import { createThrottle, type Throttle } from './throttle/throttle.ts';
import { throttleControlRoutes } from './throttle/throttle-control.ts';
import { handleRest } from './rest/index.ts';
import { seedDemo, type DemoSeed } from './seed-demo.ts';
import { createSettlement } from './settlement/settlement.ts';
import { simulatorControlRoutes } from './simulator/control-routes.ts';
import { LiveSimulator, type LiveOptions } from './simulator/live-mode.ts';
import { attachWebhooks } from './webhooks/attach-webhooks.ts';
import type { WebhookOptions, WebhookService } from './webhooks/webhook-service.ts';
import { createEmulatorServer } from './server.ts';
import { loadStateDir, saveStateDir } from './state-dir.ts';

export { INVALID_TOKEN_BODY } from './server.ts';
export type { LogEntry } from './log/request-log.ts';
export type { DemoSeed } from './seed-demo.ts';
export type { ApiChaosConfig } from './chaos/api-chaos.ts';
export type { ControllableClock } from './clock/controllable-clock.ts';
export { createControllableClock } from './clock/controllable-clock.ts';
export type { EventBus } from './events/bus.ts';
export type { PlanName } from './throttle/plans.ts';

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
  /**
   * Clock for every timestamp, throttle bucket and timer (Default: the system clock, movable
   * through `/__emulator/clock`). A plain `() => Date` becomes the source of a controllable clock;
   * a `ControllableClock` is used as is.
   */
  clock?: Clock | ControllableClock;
  /** Rate-limit plan: `standard` | `advanced` | `plus` | `off` (Default: `standard`, like a real shop). */
  throttle?: PlanName;
  /** Fault injection on the Admin API (Default: none). See `ApiChaosConfig`. */
  chaos?: ApiChaosConfig;
  /** Demo data for a fresh shop (Default: none); ignored when `stateDir` already holds a shop. */
  seed?: DemoSeed;
  /** Webhook delivery: chaos, timeout, API version (Default: Shopify's behaviour, no chaos). */
  webhooks?: WebhookOptions;
  /** Live merchant activity at `rate` events/s, firing webhooks (Default: off). */
  live?: LiveOptions;
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
  /** The one clock of this emulator (state, buckets, bulk, webhook retries). */
  readonly clock: ControllableClock;
  /** In-process events (`bulk_operations/finish`, ...) for webhook delivery. */
  readonly events: EventBus;
  readonly throttle: Throttle;
  readonly chaos: ApiChaos;
  readonly bulk: BulkOperations;
  /** Webhook subscriptions, delivery log and chaos; `settle()` waits for due deliveries. */
  readonly webhooks: WebhookService;
  /** Live merchant activity (`/__emulator/live`). */
  readonly live: LiveSimulator;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const ownsClock = typeof options.clock !== 'object';
  const clock =
    typeof options.clock === 'object' ? options.clock : createControllableClock({ source: options.clock });
  const token = options.token ?? DEFAULT_TOKEN;
  const appSecret = options.appSecret ?? DEFAULT_APP_SECRET;
  const stateDir = options.stateDir;
  const loaded = stateDir ? loadStateDir(stateDir, clock.now) : undefined;
  const state = loaded ?? createShopState({ clock: clock.now });
  if (!loaded && options.seed) seedDemo(state, options.seed);
  const save = () => {
    if (stateDir) saveStateDir(stateDir, state);
  };
  save();
  const log = new RequestLog();
  const schema = getServedSchema();
  const host = options.host ?? '127.0.0.1';
  let url = '';
  const events = createEventBus();
  const throttle = createThrottle({ nowMs: clock.nowMs, plan: options.throttle });
  const chaos = createApiChaos(options.chaos);
  const bulk = createBulkOperations({
    state,
    schema,
    queryRoot: () => queryRoot(state),
    events,
    baseUrl: () => url,
    dir: stateDir ? join(stateDir, 'bulk') : undefined,
  });
  attachBulkOperations(state, bulk);
  const webhooks = attachWebhooks({ state, clock, appSecret, events, options: options.webhooks });
  const afterChange = () => {
    save();
    webhooks.service.afterChange();
    settlement.rearm();
  };
  const settlement = createSettlement({ state, clock, afterChange });
  settlement.rearm();
  const live = new LiveSimulator(state, afterChange);
  const server = createEmulatorServer({
    state,
    schema,
    log,
    token,
    rest: handleRest,
    resetShop: () => {
      resetShop(state);
      webhooks.service.rebaseline();
    },
    afterMutation: afterChange,
    graphqlGate: withForcedGraphqlThrottle(throttle.graphql, chaos),
    restGate: withForcedRestThrottle(throttle.rest, chaos, () => throttle.describe().rest.leakRate),
    chaos,
    controls: [
      ...clockControlRoutes(clock),
      ...throttleControlRoutes(throttle),
      ...chaosControlRoutes(chaos),
      ...bulkControlRoutes(bulk),
      ...webhooks.controls,
      ...settlement.controls,
      ...simulatorControlRoutes({
        state,
        live,
        afterStep: (orderId) => webhooks.service.afterChange([orderId]),
        afterMutation: () => {
          save();
          settlement.rearm();
        },
      }),
    ],
    graphqlRoots: webhooks.graphqlRoots,
  });
  // Node's 5 s idle timeout closed kept-alive sockets while the emulator's own event loop was
  // busy (a simulation chunk, thousands of deliveries started at once), and a client reusing one
  // at that moment got ECONNRESET (bench:scale-out's next /__emulator/simulate call did).
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://${host}:${port}`;
  if (options.live) live.start(options.live);
  return {
    url,
    port,
    token,
    appSecret,
    state,
    log,
    clock,
    events,
    throttle,
    chaos,
    bulk,
    webhooks: webhooks.service,
    live,
    close: async () => {
      live.stop();
      settlement.stop();
      webhooks.service.stop();
      await new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
      await bulk.dispose();
      if (ownsClock) clock.dispose();
    },
  };
}

/** `POST /__emulator/reset`: an empty shop with the same settings, in the same object. */
function resetShop(state: ShopState): void {
  const fresh = createShopState({ clock: state.clock, shop: state.data.shop });
  Object.assign(state.data, fresh.data);
}
