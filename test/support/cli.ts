import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const cliPath = resolve(import.meta.dirname, '../../bin/storebridge.js');

/** A fresh data folder, as on a new machine. */
export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'storebridge-test-'));
}

/** CLI commands on a fresh embedded store, each its own process as in real use. */
export interface EmbeddedCli {
  /** The store's data folder. */
  dataDir: string;
  /** Every command's environment: the data folder, no secret key, no server database, silent logs. */
  env: Record<string, string>;
  cli: (...args: string[]) => Promise<CliResult>;
}

export function embeddedCli(): EmbeddedCli {
  const dataDir = freshDataDir();
  const env = {
    STOREBRIDGE_DATA_DIR: dataDir,
    STOREBRIDGE_SECRET_KEY: '',
    DATABASE_URL: '',
    LOG_LEVEL: 'silent',
  };
  return { dataDir, env, cli: (...args) => runCli(args, env) };
}

/** `demo setup` of shop DEMO on the (emulated) shop at `shop.url` with its token. */
export function demoSetupArgs(shop: { url: string; token: string }): string[] {
  return ['demo', 'setup', '--shop', 'DEMO', '--endpoint', shop.url, '--token', shop.token];
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI on this test runner's Node (22) and collects its output. */
export function runCli(args: string[], env: Record<string, string> = {}, input?: string): Promise<CliResult> {
  return new Promise((resolveResult, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: { ...process.env, ...env },
      stdio: 'pipe',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolveResult({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Starts a long-running CLI command (serve, start, worker) and keeps its output. */
export function startCli(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: { ...process.env, ...env },
    stdio: 'pipe',
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await fetch(url);
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms: ${String(lastError)}`);
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolveExit) => {
    if (child.exitCode !== null) resolveExit(child.exitCode);
    else child.once('exit', (code) => resolveExit(code));
  });
}
