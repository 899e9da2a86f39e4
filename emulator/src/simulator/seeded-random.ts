import { createSeededRandom, deriveSeed } from '../chaos/seeded-random.ts';

/**
 * The simulator's seeded random source (the chaos module's mulberry32): the same seed gives the
 * same history on every machine. Text seeds ("demo") are hashed.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] (both included). */
  int(min: number, max: number): number;
  /** true with probability `rate` (0..1). */
  chance(rate: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number | string): Random {
  const next = createSeededRandom(typeof seed === 'number' ? seed : deriveSeed(0, seed));
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (rate) => next() < rate,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
  };
}
