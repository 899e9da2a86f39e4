import { createSeededRandom, deriveSeed, type RandomStream } from './seeded-random.ts';

/**
 * Seeded, deterministic fault injection shared by the API (this folder) and webhook delivery.
 * Each named stream draws from its own seeded sequence, so the decisions of one kind of fault do
 * not shift when another kind is switched on: `createChaos({ seed: 7 }).stream('duplicates').roll(0.1)`.
 */
export interface Chaos {
  readonly seed: number;
  /** True with probability `rate` (0..1), from the default stream. */
  roll(rate: number): boolean;
  /** A uniform number in [0, 1) from the default stream. */
  random(): number;
  /** The named stream (created on first use, same seed + name = same sequence). */
  stream(name: string): ChaosStream;
}

export interface ChaosStream {
  roll(rate: number): boolean;
  random(): number;
  /** A whole number in [min, max], inclusive. */
  between(min: number, max: number): number;
}

export interface ChaosOptions {
  /** Default: 1. */
  readonly seed?: number;
}

export const DEFAULT_CHAOS_SEED = 1;

export function createChaos(options: ChaosOptions = {}): Chaos {
  const seed = options.seed ?? DEFAULT_CHAOS_SEED;
  const streams = new Map<string, ChaosStream>();
  const stream = (name: string) => {
    let found = streams.get(name);
    if (!found) {
      found = chaosStream(createSeededRandom(deriveSeed(seed, name)));
      streams.set(name, found);
    }
    return found;
  };
  return {
    seed,
    roll: (rate) => stream('default').roll(rate),
    random: () => stream('default').random(),
    stream,
  };
}

function chaosStream(random: RandomStream): ChaosStream {
  return {
    // A rate of 0 never draws, so a disabled fault leaves the sequence untouched.
    roll: (rate) => rate > 0 && (rate >= 1 || random() < rate),
    random,
    between: (min, max) => min + Math.floor(random() * (max - min + 1)),
  };
}
