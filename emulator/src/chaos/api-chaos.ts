import { createChaos, DEFAULT_CHAOS_SEED, type Chaos } from './chaos.ts';

/**
 * Faults the Admin API endpoints inject, for client tests and benchmarks. Rates are 0..1.
 * All Default: 0 / none, i.e. no chaos.
 */
export interface ApiChaosConfig {
  /** Seed of the random streams (Default: 1). Changing it restarts the sequences. */
  readonly seed?: number;
  /** Share of GraphQL/REST calls answered with an HTTP 500 (Default: 0). */
  readonly serverErrorRate?: number;
  /** Added latency in ms before answering: fixed, or a `[min, max]` range (Default: 0). */
  readonly latencyMs?: number | readonly [number, number];
  /** Share of calls whose TCP connection is destroyed without an answer (Default: 0). */
  readonly connectionResetRate?: number;
  /** Share of calls answered THROTTLED (GraphQL) or 429 (REST) whatever the bucket (Default: 0). */
  readonly throttleRate?: number;
}

/** What chaos decided for one Admin API call. */
export type ChaosVerdict = 'pass' | 'reset' | 'server-error';

export interface ApiChaos {
  config(): Required<ApiChaosConfig>;
  /** Merges `change` into the config; a new `seed` restarts the random streams. */
  configure(change: ApiChaosConfig): void;
  /** Latency to add to this call (ms). */
  latency(): number;
  /** Reset, 500 or pass for this call. */
  verdict(): ChaosVerdict;
  /** Whether this call is forced to be throttled. */
  forceThrottle(): boolean;
}

const noChaos: Required<ApiChaosConfig> = {
  seed: DEFAULT_CHAOS_SEED,
  serverErrorRate: 0,
  latencyMs: 0,
  connectionResetRate: 0,
  throttleRate: 0,
};

export function createApiChaos(initial: ApiChaosConfig = {}): ApiChaos {
  const problems = chaosConfigProblems(withoutUndefined(initial) as Record<string, unknown>);
  if (problems.length > 0) throw new RangeError(`chaos: ${problems.join('; ')}`);
  let config: Required<ApiChaosConfig> = { ...noChaos, ...withoutUndefined(initial) };
  let chaos: Chaos = createChaos({ seed: config.seed });
  return {
    config: () => config,
    configure: (change) => {
      const next = { ...config, ...withoutUndefined(change) };
      if (next.seed !== config.seed) chaos = createChaos({ seed: next.seed });
      config = next;
    },
    latency: () => {
      const latency = config.latencyMs;
      if (typeof latency === 'number') return latency;
      return chaos.stream('latency').between(latency[0], latency[1]);
    },
    verdict: () => {
      if (chaos.stream('connection-reset').roll(config.connectionResetRate)) return 'reset';
      if (chaos.stream('server-error').roll(config.serverErrorRate)) return 'server-error';
      return 'pass';
    },
    forceThrottle: () => chaos.stream('throttle').roll(config.throttleRate),
  };
}

/** Checks a config from the CLI or the control endpoint; returns the problems, if any. */
export function chaosConfigProblems(config: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const known = Object.keys(noChaos);
  for (const key of Object.keys(config))
    if (!known.includes(key)) problems.push(`unknown chaos option ${key}`);
  for (const key of ['serverErrorRate', 'connectionResetRate', 'throttleRate']) {
    const rate = config[key];
    if (rate !== undefined && (typeof rate !== 'number' || rate < 0 || rate > 1)) {
      problems.push(`${key} must be a number from 0 to 1`);
    }
  }
  if (config.seed !== undefined && !Number.isInteger(config.seed)) problems.push('seed must be an integer');
  const latency = config.latencyMs;
  const isMs = (value: unknown) => typeof value === 'number' && value >= 0 && Number.isFinite(value);
  const validRange =
    Array.isArray(latency) && latency.length === 2 && latency.every(isMs) && latency[0] <= latency[1];
  if (latency !== undefined && !isMs(latency) && !validRange) {
    problems.push('latencyMs must be milliseconds or a [min, max] range');
  }
  return problems;
}

function withoutUndefined(config: ApiChaosConfig): ApiChaosConfig {
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined));
}
