/**
 * The ack benchmark's load generator, in its own process so that building, signing and timing
 * requests never takes the server's event loop. Open loop: delivery k is due at start + k/rate and
 * is sent then whether or not earlier ones were answered, and its latency is counted from when it
 * was due, so a stalled server shows up in the figures instead of slowing the sender down
 * (coordinated omission). Prints one JSON line with the summary and exits.
 *
 * It first sends `warmUpSeconds` at the same rate, not counted (their own webhook and event ids):
 * a fresh generator answers its first ~0.15 s late by itself (its JIT, and a socket opened for
 * every request in flight), ~50 deliveries at 500/s, half of what p99 of a 20 s run allows. The
 * receiver is measured at the rate, as Shopify's warm senders reach it, not the generator's start.
 *
 *   npx tsx bench/support/webhook-load.ts '{"url":...,"rate":500,"seconds":20,...}'
 */
import http from 'node:http';
import { deliveryFactory, type DeliveryOptions } from './webhook-deliveries.ts';

interface LoadOptions extends DeliveryOptions {
  url: string;
  rate: number;
  seconds: number;
  /** Sent first at the same rate and not counted (Default: 0). */
  warmUpSeconds?: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as LoadOptions;
const target = new URL(options.url);
// Keep-alive sockets, as many as requests in flight; Shopify itself opens many connections.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
const warmUpDelivery = deliveryFactory({ ...options, runId: `${options.runId}warm` });
const measuredDelivery = deliveryFactory(options);
const warmUp = Math.round(options.rate * (options.warmUpSeconds ?? 0));
const measured = Math.round(options.rate * options.seconds);
const total = warmUp + measured;

const latencies = new Float64Array(total);
const answeredFlags = new Uint8Array(total);
const statuses = new Map<string, number>();
const outcomes = new Map<string, number>();
let answered = 0;
let sent = 0;
let maxSendLagMs = 0;

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

function send(index: number, dueAt: number): void {
  const { headers, body } = index < warmUp ? warmUpDelivery() : measuredDelivery();
  const request = http.request(
    {
      agent,
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: 'POST',
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
    },
    (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        answer(index, dueAt, String(response.statusCode), outcomeOf(Buffer.concat(chunks))),
      );
    },
  );
  request.on('error', (error) =>
    answer(index, dueAt, `error ${(error as NodeJS.ErrnoException).code ?? error.message}`),
  );
  request.end(body);
}

/** A delivery's end, once: its latency from when it was due; counted unless it warmed up. */
function answer(index: number, dueAt: number, status: string, outcome?: string): void {
  if (answeredFlags[index]) return;
  latencies[index] = performance.now() - dueAt;
  if (index >= warmUp) {
    count(statuses, status);
    if (outcome !== undefined) count(outcomes, outcome);
  }
  done(index);
}

function outcomeOf(body: Buffer): string {
  try {
    return (JSON.parse(body.toString()) as { outcome?: string }).outcome ?? '-';
  } catch {
    return 'unreadable';
  }
}

const started = performance.now();
const measuredFrom = started + (warmUp / options.rate) * 1000;
let finishedAt = started;

function done(index: number): void {
  answeredFlags[index] = 1;
  answered += 1;
  if (answered === total) {
    finishedAt = performance.now();
    report();
  }
}

/** Sends whatever is due, then looks again within a millisecond. */
function pace(): void {
  const now = performance.now();
  const due = Math.min(total, Math.floor(((now - started) / 1000) * options.rate) + 1);
  while (sent < due) {
    const dueAt = started + (sent / options.rate) * 1000;
    if (sent >= warmUp) maxSendLagMs = Math.max(maxSendLagMs, now - dueAt);
    send(sent, dueAt);
    sent += 1;
  }
  if (sent < total) setTimeout(pace, 1);
}

function report(): void {
  const sorted = latencies.slice(warmUp).sort();
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!);
  const ok = [...statuses].filter(([s]) => s.startsWith('2')).reduce((sum, [, n]) => sum + n, 0);
  const seconds = (finishedAt - measuredFrom) / 1000;
  const summary = {
    offeredPerSecond: options.rate,
    seconds: options.seconds,
    warmUpSent: warmUp,
    sent: measured,
    accepted2xx: ok,
    non2xx: measured - ok,
    acceptedPerSecond: round(ok / seconds),
    latencyMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: round(sorted[sorted.length - 1]!) },
    statuses: Object.fromEntries(statuses),
    outcomes: Object.fromEntries(outcomes),
    // How late the generator itself sent (its own event loop): large values would void the run.
    generatorMaxSendLagMs: round(maxSendLagMs),
  };
  process.stdout.write(JSON.stringify(summary) + '\n');
  agent.destroy();
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

pace();
// Shopify gives up after 5 s; a run whose answers stop coming is reported, not left hanging.
setTimeout(
  () => {
    for (let index = 0; index < total; index++)
      answer(index, started + (index / options.rate) * 1000, 'no answer');
  },
  ((options.warmUpSeconds ?? 0) + options.seconds + 60) * 1000,
).unref();
