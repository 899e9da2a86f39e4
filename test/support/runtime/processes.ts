import { spawn, type ChildProcess } from 'node:child_process';
import { cliPath, freePort } from '../cli.ts';

/** What every storebridge process of one test shares: the database and the key to its shop secrets. */
export interface ProcessEnv {
  databaseUrl: string;
  /** STOREBRIDGE_SECRET_KEY: the same for every process, so each opens the shop's secrets. */
  secretKey: string;
}

export interface StorebridgeProcess {
  readonly name: string;
  /** `http://127.0.0.1:<port>`: /health, /ready, /metrics (and the API and webhooks on `serve`). */
  readonly url: string;
  readonly pid: number;
  /** The last 64 KB of stdout and stderr (JSON logs), for failure messages. */
  output(): string;
  /** Graceful: SIGTERM, jobs in flight finish, then the process exits. */
  stop(): Promise<number | null>;
  /** A crash: SIGKILL, nothing is finished or released. */
  kill(): Promise<void>;
  readonly exited: boolean;
}

const keptOutput = 64 * 1024;

/**
 * Starts `storebridge serve` or `storebridge worker` as its own Node process against the given
 * database (as on separate machines: nothing is shared but PostgreSQL) and waits until its
 * GET /ready answers 200. A process that exits or stays unready fails with its output.
 */
export async function startStorebridge(
  name: string,
  command: 'serve' | 'worker',
  env: ProcessEnv,
  args: readonly string[] = [],
): Promise<StorebridgeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [cliPath, command, '--port', String(port), ...args], {
    env: {
      ...process.env,
      DATABASE_URL: env.databaseUrl,
      STOREBRIDGE_SECRET_KEY: env.secretKey,
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.STOREBRIDGE_TEST_LOG_LEVEL ?? 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-keptOutput);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exit = exitOf(child);
  const url = `http://127.0.0.1:${port}`;
  const handle: StorebridgeProcess = {
    name,
    url,
    pid: child.pid ?? -1,
    output: () => output,
    get exited() {
      return child.exitCode !== null || child.signalCode !== null;
    },
    async stop() {
      if (!handle.exited) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      try {
        return await exit;
      } finally {
        clearTimeout(timer);
      }
    },
    async kill() {
      if (!handle.exited) child.kill('SIGKILL');
      await exit;
    },
  };
  try {
    await waitUntilReady(handle, exit);
  } catch (error) {
    await handle.kill();
    throw new Error(`${name} (${command}) did not become ready: ${(error as Error).message}\n${output}`);
  }
  return handle;
}

async function waitUntilReady(process: StorebridgeProcess, exit: Promise<unknown>, timeoutMs = 60_000) {
  let exited = false;
  void exit.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error('the process exited');
    try {
      const response = await fetch(`${process.url}/ready`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`GET /ready did not answer 200 within ${timeoutMs} ms`);
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Stops every process still running (test clean-up); the output of any that failed to stop is kept. */
export async function stopAll(processes: Iterable<StorebridgeProcess>): Promise<void> {
  await Promise.all([...processes].map((p) => p.stop().catch(() => undefined)));
}
