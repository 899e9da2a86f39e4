import type { ControllableClock } from '../clock/controllable-clock.ts';
import {
  defaultSettleAfterMs,
  pendingSettlements,
  settleDueTransactions,
  settleTransaction,
  UserErrors,
  NotFound,
  type ShopState,
} from '../domain/index.ts';
import type { ControlRoute, Reply } from '../server.ts';

export interface SettlementDeps {
  state: ShopState;
  clock: ControllableClock;
  /** After settling: persistence and webhook detection. */
  afterChange: () => void;
}

export interface Settlement {
  /** Re-arms the clock timer at the next due settlement (call after every change). */
  rearm(): void;
  controls: ControlRoute[];
  stop(): void;
}

/**
 * Pending refunds settle by themselves on the emulator clock: one timer at the earliest due
 * instant (fired by `advance`/`set`, or by a real timer in real mode), re-armed after each change.
 * Control: `POST /__emulator/transactions/settle` `{}` settles all due, `{"id": n | gid}` one now;
 * `GET/POST /__emulator/transactions/settlement` reads or sets `settleAfterMs` and `failureRate`.
 */
export function createSettlement(deps: SettlementDeps): Settlement {
  let cancel: (() => void) | null = null;
  let armedAt: number | null = null;
  const rearm = () => {
    const next = pendingSettlements(deps.state).reduce<number | null>(
      (earliest, item) => (earliest === null || item.dueAt < earliest ? item.dueAt : earliest),
      null,
    );
    if (next === armedAt) return;
    cancel?.();
    cancel = null;
    armedAt = next;
    if (next !== null) cancel = deps.clock.setTimer(next, fire);
  };
  const fire = () => {
    cancel = null;
    armedAt = null;
    if (settleDueTransactions(deps.state).length > 0) deps.afterChange();
    rearm();
  };
  const settle = (body: unknown): Reply => {
    const id = idOf(body);
    try {
      const settled =
        id === undefined ? settleDueTransactions(deps.state) : [settleTransaction(deps.state, id)];
      if (settled.length > 0) deps.afterChange();
      rearm();
      return { status: 200, body: { settled: settled.map((t) => ({ id: t.id, status: t.status })) } };
    } catch (error) {
      if (error instanceof NotFound) return { status: 404, body: { errors: error.message } };
      if (error instanceof UserErrors) return { status: 422, body: { errors: error.errors } };
      throw error;
    }
  };
  const controls: ControlRoute[] = [
    { method: 'POST', path: '/__emulator/transactions/settle', handle: ({ body }) => settle(body) },
    { method: 'GET', path: '/__emulator/transactions/settlement', handle: () => describe(deps.state) },
    {
      method: 'POST',
      path: '/__emulator/transactions/settlement',
      handle: ({ body }) => {
        const reply = configure(deps.state, body);
        rearm();
        return reply;
      },
    },
  ];
  return { rearm, controls, stop: () => cancel?.() };
}

function describe(state: ShopState): Reply {
  return {
    status: 200,
    body: {
      settleAfterMs: state.data.shop.pendingRefundSettleAfterMs ?? defaultSettleAfterMs,
      failureRate: state.data.shop.pendingRefundFailureRate ?? 0,
      pending: pendingSettlements(state).map((item) => ({
        id: item.transaction.id,
        orderId: item.order.id,
        dueAt: new Date(item.dueAt).toISOString(),
      })),
    },
  };
}

function configure(state: ShopState, body: unknown): Reply {
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { settleAfterMs, failureRate } = input;
  if (settleAfterMs !== undefined && (typeof settleAfterMs !== 'number' || !(settleAfterMs >= 0))) {
    return { status: 400, body: { errors: 'settleAfterMs must be a number of milliseconds >= 0' } };
  }
  if (
    failureRate !== undefined &&
    (typeof failureRate !== 'number' || !(failureRate >= 0 && failureRate <= 1))
  ) {
    return { status: 400, body: { errors: 'failureRate must be a number from 0 to 1' } };
  }
  if (typeof settleAfterMs === 'number') state.data.shop.pendingRefundSettleAfterMs = settleAfterMs;
  if (typeof failureRate === 'number') state.data.shop.pendingRefundFailureRate = failureRate;
  return describe(state);
}

/** `{"id": 123}` or `{"id": "gid://shopify/OrderTransaction/123"}`; none = all due. */
function idOf(body: unknown): number | undefined {
  const id =
    (typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined) ?? undefined;
  if (typeof id === 'number') return id;
  if (typeof id === 'string') return Number(id.split('/').pop());
  return undefined;
}
