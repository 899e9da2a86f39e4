import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';

export interface EmulatorChild {
  /** The child's pid (tsx; the emulator's node process is its child). */
  pid: number | undefined;
  url: string;
  token: string;
  orders: number;
  seedMs: number;
  /** The Admin API calls recorded by the emulator since seeding (GET /__emulator/log). */
  calls(): Promise<
    {
      api: string;
      operation: string;
      status: number;
      actualCost: number | null;
      requestedCost: number | null;
    }[]
  >;
  stop(): Promise<void>;
}

/** Starts bench/support/emulator-process.ts through tsx and waits for its JSON line. */
export async function startEmulatorChild(
  orders: number,
  throttle: string,
  mix?: string,
): Promise<EmulatorChild> {
  const script = resolve(import.meta.dirname, 'emulator-process.ts');
  const tsx = resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
  // BENCH_EMULATOR_NODE_FLAGS: node flags for the emulator alone, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`.
  const flags = (process.env.BENCH_EMULATOR_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const args = [
    ...flags,
    script,
    '--orders',
    String(orders),
    '--throttle',
    throttle,
    ...(mix ? ['--mix', mix] : []),
  ];
  const child = spawn(tsx, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' },
  });
  const first = await firstLine(child);
  const info = JSON.parse(first) as { url: string; token: string; orders: number; seedMs: number };
  return {
    ...info,
    pid: child.pid,
    calls: async () => (await fetch(`${info.url}/__emulator/log`)).json() as never,
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolveLine, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolveLine(line));
    child.once('exit', (code) => reject(new Error(`emulator process exited with ${code} before answering`)));
  });
}
