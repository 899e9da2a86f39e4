import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { BenchService } from './bench-service.ts';
import { emulatorAppSecret } from './bench-service.ts';

export interface LoadSummary {
  offeredPerSecond: number;
  seconds: number;
  /** Sent first at the rate and not counted (webhook-load.ts). */
  warmUpSent: number;
  sent: number;
  accepted2xx: number;
  non2xx: number;
  acceptedPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  statuses: Record<string, number>;
  outcomes: Record<string, number>;
  generatorMaxSendLagMs: number;
}

export interface AckRun extends LoadSummary {
  /** The service process's CPU per delivery and its event loop's worst delay during the run. */
  serverCpuMsPerDelivery: number;
  serverEventLoopDelayMs: { p99: number; max: number };
}

/**
 * One open-loop run of the load generator (bench/support/webhook-load.ts) in a child process
 * against the service in this one, measuring the server's CPU and event loop meanwhile.
 */
export async function runLoad(
  running: BenchService,
  input: { rate: number; seconds: number; runId: string; warmUpSeconds?: number },
): Promise<AckRun> {
  const options = {
    url: `${running.service.address}/webhooks/shopify`,
    rate: input.rate,
    seconds: input.seconds,
    warmUpSeconds: input.warmUpSeconds ?? 0,
    secret: emulatorAppSecret,
    shopDomain: running.shopDomain,
    orders: 2_000,
    duplicateRate: 0.03,
    runId: input.runId,
  };
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const cpuBefore = process.cpuUsage();
  delay.enable();
  const summary = JSON.parse(await runChild(JSON.stringify(options))) as LoadSummary;
  delay.disable();
  const cpu = process.cpuUsage(cpuBefore);
  return {
    ...summary,
    // The generator's warm-up deliveries were served too.
    serverCpuMsPerDelivery: round((cpu.user + cpu.system) / 1000 / (summary.sent + summary.warmUpSent)),
    serverEventLoopDelayMs: { p99: round(delay.percentile(99) / 1e6), max: round(delay.max / 1e6) },
  };
}

/** Receipts stored for the run (accepted, stale, ignored): one per delivery that was not a duplicate. */
export async function countReceipts(running: BenchService, runId: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from webhook_receipts where webhook_id like ${`${runId}-%`}`.execute(
    running.context.store.db,
  );
  return Number(rows[0]?.n ?? 0);
}

function runChild(argument: string): Promise<string> {
  const script = resolve(import.meta.dirname, 'webhook-load.ts');
  // Node (not the tsx binary's `env node`): the same Node 22 that runs the benchmark.
  const child = spawn(process.execPath, ['--import', 'tsx', script, argument], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolveLine, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolveLine(line));
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code} before its summary`)));
  });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
