import type { ControlRoute, Reply } from '../server.ts';
import type { ControllableClock } from './controllable-clock.ts';

/**
 * `/__emulator/clock`:
 * - `GET` -> `{ now, mode, pendingTimers }`;
 * - `POST { "advanceMs": n }`, `{ "set": iso }` or `{ "mode": "real" | "frozen" }` (one or more,
 *   applied in that order: mode, set, advanceMs) -> the same shape after the change.
 * Moving the clock fires every timer it passes (webhook retries, backoff).
 */
export function clockControlRoutes(clock: ControllableClock): ControlRoute[] {
  return [
    { method: 'GET', path: '/__emulator/clock', handle: () => clockReply(clock) },
    { method: 'POST', path: '/__emulator/clock', handle: ({ body }) => moveClock(clock, body) },
  ];
}

function moveClock(clock: ControllableClock, body: unknown): Reply {
  const change = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { mode, set, advanceMs } = change;
  if (mode !== undefined && mode !== 'real' && mode !== 'frozen')
    return invalid('mode must be "real" or "frozen"');
  if (set !== undefined && (typeof set !== 'string' || Number.isNaN(Date.parse(set)))) {
    return invalid('set must be an ISO-8601 instant');
  }
  if (advanceMs !== undefined && (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs))) {
    return invalid('advanceMs must be a number of milliseconds');
  }
  if (mode === undefined && set === undefined && advanceMs === undefined) {
    return invalid('expected one of advanceMs, set, mode');
  }
  if (mode) clock.setMode(mode);
  if (typeof set === 'string') clock.set(set);
  if (typeof advanceMs === 'number') clock.advance(advanceMs);
  return clockReply(clock);
}

function clockReply(clock: ControllableClock): Reply {
  return {
    status: 200,
    body: { now: clock.now().toISOString(), mode: clock.mode, pendingTimers: clock.pendingTimers() },
  };
}

function invalid(message: string): Reply {
  return { status: 400, body: { errors: message } };
}
