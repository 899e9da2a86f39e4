import { randomUUID } from 'node:crypto';
import { AppError, ConflictError } from '../shared/errors.ts';
import { getShopConnection } from '../shops/index.ts';
import type { SyncDeps } from './ports.ts';
import { syncOrders, type SyncPhase, type SyncSummary } from './sync-orders.ts';

/** What a live sync tells its watchers (issue 9 item 3), as the events of GET …/sync/events. */
export type SyncRunEvent =
  | {
      type: 'progress';
      data: {
        runId: string;
        phase: SyncPhase;
        fetched: number;
        staged: number;
        imported: number;
        failed: number;
      };
    }
  | { type: 'done'; data: { runId: string; summary: SyncSummary } }
  | { type: 'failed'; data: { runId: string; error: { code: string; message: string } } };

export type SyncRunListener = (event: SyncRunEvent) => void;

interface Run {
  runId: string;
  /** The newest event: the latest progress while running, then done or failed. */
  latest: SyncRunEvent;
  finished: Promise<void>;
}

/**
 * Syncs started from the API, running in the background of this server process (in-process only:
 * another process, or a worker's periodic sync, does not see them). One run at a time per shop;
 * a watcher gets the run's newest event first, so a page opened mid-run shows where it stands.
 */
export class SyncRuns {
  readonly #runs = new Map<string, Run>();
  readonly #listeners = new Map<string, Set<SyncRunListener>>();

  constructor(
    readonly deps: SyncDeps,
    private readonly newRunId: () => string = randomUUID,
  ) {}

  /** Starts a sync of the shop; ConflictError while one of this process runs for it. */
  async start(shopCode: string, options: { bulk?: boolean | undefined } = {}): Promise<{ runId: string }> {
    if (this.running(shopCode))
      throw new ConflictError(
        `A sync of shop "${shopCode}" is already running (run ${this.#runs.get(shopCode)!.runId})`,
      );
    await getShopConnection(this.deps, shopCode); // an unknown shop is the caller's 404, not a failed run
    if (this.running(shopCode))
      throw new ConflictError(
        `A sync of shop "${shopCode}" is already running (run ${this.#runs.get(shopCode)!.runId})`,
      );
    const runId = this.newRunId();
    const zero = { runId, phase: 'staging' as const, fetched: 0, staged: 0, imported: 0, failed: 0 };
    const run: Run = { runId, latest: { type: 'progress', data: zero }, finished: Promise.resolve() };
    this.#runs.set(shopCode, run);
    run.finished = syncOrders(this.deps, shopCode, {
      bulk: options.bulk,
      onProgress: (progress) => this.#emit(shopCode, run, { type: 'progress', data: { runId, ...progress } }),
    }).then(
      (summary) => this.#emit(shopCode, run, { type: 'done', data: { runId, summary } }),
      (error: unknown) =>
        this.#emit(shopCode, run, { type: 'failed', data: { runId, error: this.#failure(error, shopCode) } }),
    );
    return { runId };
  }

  running(shopCode: string): boolean {
    return this.#runs.get(shopCode)?.latest.type === 'progress';
  }

  /** The newest event of the shop's current or last run; undefined when none ran in this process. */
  latest(shopCode: string): SyncRunEvent | undefined {
    return this.#runs.get(shopCode)?.latest;
  }

  /** Calls `listener` with each event of the shop's runs from now on; returns the unsubscribe. */
  subscribe(shopCode: string, listener: SyncRunListener): () => void {
    const listeners = this.#listeners.get(shopCode) ?? new Set();
    listeners.add(listener);
    this.#listeners.set(shopCode, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#listeners.delete(shopCode);
    };
  }

  /** Watchers right now, over all shops (for tests and shutdown). */
  get listenerCount(): number {
    let count = 0;
    for (const listeners of this.#listeners.values()) count += listeners.size;
    return count;
  }

  /** Resolves when every run started so far has finished (graceful shutdown waits for it). */
  async settled(): Promise<void> {
    await Promise.all([...this.#runs.values()].map((run) => run.finished));
  }

  #emit(shopCode: string, run: Run, event: SyncRunEvent): void {
    run.latest = event;
    for (const listener of [...(this.#listeners.get(shopCode) ?? [])]) listener(event);
  }

  /** Typed errors keep their code and message; anything else is a bug, logged, not shown. */
  #failure(error: unknown, shopCode: string): { code: string; message: string } {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    this.deps.logger?.error({ err: error, shopCode }, 'live sync failed');
    return { code: 'internal_error', message: 'Internal error; see the server log' };
  }
}
