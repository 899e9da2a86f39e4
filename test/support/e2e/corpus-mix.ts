import { orderCases } from '../../../emulator/src/simulator/mix.ts';

/** The simulator's mix with only these cases (every other weight 0). */
export function onlyCases(...cases: string[]): Record<string, number> {
  return Object.fromEntries(orderCases.map((c) => [c, cases.includes(c) ? 1 : 0]));
}
