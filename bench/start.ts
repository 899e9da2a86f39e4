/**
 * How long `npm start` takes on a fresh data folder until GET /health answers 200
 * (issue 2: within 15 s), and on a second start of the same folder. Results in bench/results/start.json.
 * Run: npm run bench:start
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const cli = resolve(import.meta.dirname, '../bin/storebridge.js');

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function timeToHealthy(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      STOREBRIDGE_DATA_DIR: dataDir,
      STOREBRIDGE_DEMO_EMULATOR_PORT: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/health`);
        if (response.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
      if (performance.now() - started > 120_000) throw new Error('no healthy answer within 120 s');
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'storebridge-bench-start-'));
const fresh = await timeToHealthy(dataDir);
const again = await timeToHealthy(dataDir);
const result = {
  benchmark: 'start',
  measuredAt: new Date().toISOString(),
  node: process.version,
  freshStartToHealthyMs: Math.round(fresh),
  secondStartToHealthyMs: Math.round(again),
  targetMs: 15_000,
};
writeFileSync(resolve(import.meta.dirname, 'results/start.json'), JSON.stringify(result, null, 2) + '\n');
console.log(
  `fresh data folder: healthy after ${(fresh / 1000).toFixed(1)} s; second start: ${(again / 1000).toFixed(1)} s (target 15 s)`,
);
