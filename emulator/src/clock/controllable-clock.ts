/**
 * The emulator's one clock, shared by the shop state (every timestamp), the throttle buckets,
 * bulk operations and webhook retry scheduling, so that a test can move time instead of sleeping.
 *
 * Two modes:
 * - `real` (Default): time flows from `source` (Default: the system clock) plus an offset that
 *   `advance`/`set` move;
 * - `frozen`: time stands still at one instant until `advance`/`set` move it.
 *
 * Timers (`setTimer`, `sleepUntil`, `sleep`) are due at an instant of this clock. They fire, in due
 * order, as soon as `advance`/`set` reaches them; in `real` mode a real timer also fires them when
 * the flowing time gets there. So a retry with backoff is tested by advancing the clock.
 */
export interface ControllableClock {
  /** Current instant. Pass `clock.now` wherever a `() => Date` clock is expected. */
  readonly now: () => Date;
  /** Current instant in epoch milliseconds. */
  nowMs(): number;
  readonly mode: ClockMode;
  /** Moves time forward by `ms` (may be negative) and fires the timers that became due. */
  advance(ms: number): void;
  /** Jumps to `instant` and fires the timers that became due. */
  set(instant: Date | string | number): void;
  /** `frozen` stops time at the current instant; `real` lets it flow again from there. */
  setMode(mode: ClockMode): void;
  /** Calls `callback` once the clock reaches `at`; returns a cancel function. */
  setTimer(at: Date | number, callback: () => void): () => void;
  /** Resolves once the clock reaches `at`. */
  sleepUntil(at: Date | number): Promise<void>;
  /** Resolves once the clock has moved `ms` past now. */
  sleep(ms: number): Promise<void>;
  /** Timers not fired yet (for tests and the control endpoint). */
  pendingTimers(): number;
  /** Stops the real timer that drives `real` mode (on emulator close). */
  dispose(): void;
}

export type ClockMode = 'real' | 'frozen';

export interface ControllableClockOptions {
  /** Where flowing time comes from in `real` mode (Default: the system clock). */
  source?: () => Date;
  /** Start instant (Default: the source's now). */
  start?: Date | string | number;
  /** Default: 'real'. */
  mode?: ClockMode;
}

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly callback: () => void;
}

export function createControllableClock(options: ControllableClockOptions = {}): ControllableClock {
  const source = options.source ?? (() => new Date());
  const sourceMs = () => source().getTime();
  let mode: ClockMode = options.mode ?? 'real';
  let offset = options.start === undefined ? 0 : toMs(options.start) - sourceMs();
  let frozenAt = sourceMs() + offset;
  let timers: Timer[] = [];
  let seq = 0;
  let realTimer: NodeJS.Timeout | undefined;

  const nowMs = () => (mode === 'frozen' ? frozenAt : sourceMs() + offset);

  const fireDue = () => {
    for (;;) {
      const next = timers[0];
      if (!next || next.at > nowMs()) break;
      timers.shift();
      next.callback();
    }
    armRealTimer();
  };

  // In real mode time also flows by itself: wake up when the earliest timer is due.
  const armRealTimer = () => {
    if (realTimer) clearTimeout(realTimer);
    realTimer = undefined;
    const next = timers[0];
    if (mode !== 'real' || !next) return;
    const delay = Math.min(Math.max(0, next.at - nowMs()), 2_147_483_647);
    realTimer = setTimeout(fireDue, delay);
    realTimer.unref();
  };

  const moveTo = (target: number) => {
    if (mode === 'frozen') frozenAt = target;
    else offset = target - sourceMs();
    fireDue();
  };

  const setTimer = (at: Date | number, callback: () => void) => {
    const timer: Timer = { at: toMs(at), seq: seq++, callback };
    // Inserted after every timer due at or before it (seq only grows): sorting on each insert
    // was O(n log n), and thousands of webhook retry timers made each delivery's timer costly.
    let low = 0;
    let high = timers.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (timers[middle]!.at <= timer.at) low = middle + 1;
      else high = middle;
    }
    timers.splice(low, 0, timer);
    queueMicrotask(fireDue);
    return () => {
      timers = timers.filter((candidate) => candidate !== timer);
      armRealTimer();
    };
  };

  return {
    now: () => new Date(nowMs()),
    nowMs,
    get mode() {
      return mode;
    },
    advance: (ms) => moveTo(nowMs() + ms),
    set: (instant) => moveTo(toMs(instant)),
    setMode: (next) => {
      const current = nowMs();
      mode = next;
      frozenAt = current;
      offset = current - sourceMs();
      armRealTimer();
    },
    setTimer,
    sleepUntil: (at) => new Promise<void>((resolve) => setTimer(at, resolve)),
    sleep: (ms) => new Promise<void>((resolve) => setTimer(nowMs() + ms, resolve)),
    pendingTimers: () => timers.length,
    dispose: () => {
      if (realTimer) clearTimeout(realTimer);
      realTimer = undefined;
    },
  };
}

function toMs(instant: Date | string | number): number {
  const ms = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a valid instant: ${String(instant)}`);
  return ms;
}
