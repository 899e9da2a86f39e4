import type { ShopState } from '../domain/index.ts';
import type { ControlRoute, Reply } from '../server.ts';
import type { LiveSimulator } from './live-mode.ts';
import { simulate } from './run-simulation.ts';

export interface SimulatorControlDeps {
  state: ShopState;
  live: LiveSimulator;
  /** After each step, with the order it was about: webhook detection. */
  afterStep: (orderId: number) => void;
  /** After the whole call: persistence. */
  afterMutation: () => void;
}

/**
 * - `POST /__emulator/simulate {orders, mix?, seed?}` -> adds `orders` orders with their later
 *   activity (a backdated history ending now); answers the report (cases, traits, skipped, errors).
 * - `GET /__emulator/live` -> `{running, rate, steps, errors}`;
 *   `POST /__emulator/live {rate, seed?, mix?}` starts live mode (`rate: 0` stops it).
 */
export function simulatorControlRoutes(deps: SimulatorControlDeps): ControlRoute[] {
  return [
    { method: 'POST', path: '/__emulator/simulate', handle: ({ body }) => runSimulate(deps, body) },
    { method: 'GET', path: '/__emulator/live', handle: () => ({ status: 200, body: deps.live.status }) },
    { method: 'POST', path: '/__emulator/live', handle: ({ body }) => runLive(deps, body) },
  ];
}

function runSimulate(deps: SimulatorControlDeps, body: unknown): Reply {
  const input = record(body);
  const orders = input.orders;
  if (typeof orders !== 'number' || !Number.isInteger(orders) || orders < 0 || orders > 10_000) {
    return { status: 400, body: { errors: ['orders must be a whole number from 0 to 10000'] } };
  }
  try {
    const report = simulate(deps.state, {
      orders,
      mix: mixOf(input.mix),
      seed: seedOf(input.seed),
      afterStep: deps.afterStep,
    });
    deps.afterMutation();
    return { status: 200, body: report };
  } catch (error) {
    return { status: 400, body: { errors: [error instanceof Error ? error.message : String(error)] } };
  }
}

function runLive(deps: SimulatorControlDeps, body: unknown): Reply {
  const input = record(body);
  if (typeof input.rate !== 'number' || !Number.isFinite(input.rate) || input.rate < 0) {
    return { status: 400, body: { errors: ['rate must be a number of events per second >= 0'] } };
  }
  try {
    deps.live.start({ rate: input.rate, seed: seedOf(input.seed), mix: mixOf(input.mix) });
  } catch (error) {
    return { status: 400, body: { errors: [error instanceof Error ? error.message : String(error)] } };
  }
  return { status: 200, body: deps.live.status };
}

function record(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

function mixOf(value: unknown): string | Partial<Record<string, number>> | undefined {
  return typeof value === 'string' || (typeof value === 'object' && value !== null)
    ? (value as string | Partial<Record<string, number>>)
    : undefined;
}

function seedOf(value: unknown): number | string | undefined {
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}
