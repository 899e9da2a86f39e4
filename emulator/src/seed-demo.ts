import type { ShopState } from './domain/index.ts';
import { simulate, type SimulationReport } from './simulator/run-simulation.ts';

/** `--seed demo --orders N [--mix ...]`: a shop with a realistic history (Default orders: 10). */
export interface DemoSeed {
  kind: 'demo';
  /** Orders placed, each with its later activity (Default: 10). */
  orders?: number;
  /** Case weights and trait rates over the default mix (see simulator/mix.ts and the README). */
  mix?: string | Partial<Record<string, number>>;
  /** Seed of every random choice (Default: 'demo'). */
  seed?: number | string;
}

/**
 * Seeds through the domain commands only (as a merchant would): locations Warehouse, Store and
 * Outlet, the SB-TEE, SB-MUG, SB-CAP, SB-BAG and SB-SOCK products with stock, a gift card,
 * customers, a B2B company, then N orders and what happened to them afterwards (simulator/).
 * Same seed, same clock: the same shop, byte for byte.
 */
export function seedDemo(state: ShopState, seed: DemoSeed): SimulationReport {
  return simulate(state, { orders: seed.orders ?? 10, mix: seed.mix, seed: seed.seed ?? 'demo' });
}
