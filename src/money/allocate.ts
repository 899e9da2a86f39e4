import { money, type Money } from './money.ts';

/**
 * Splits `total` into parts proportional to `weights` by the largest-remainder method:
 * each part gets the floor of its exact share, and the cents left over go one by one to the
 * parts with the largest fractional remainders (ties to the earlier part). The parts always
 * sum to the total, and for a non-negative total no part is negative.
 * This is the one split used everywhere (discounts per line, tax per unit, refunds per line).
 * All-zero weights split evenly, so a zero-priced order still carries its cart discount somewhere.
 */
export function allocate(total: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0)
      throw new RangeError(`allocate weights must be whole and >= 0, got ${weight}`);
  }
  const effective = weights.every((weight) => weight === 0) ? weights.map(() => 1) : weights;
  const parts = splitMagnitude(BigInt(Math.abs(total.minor)), effective.map(BigInt));
  const sign = total.minor < 0 ? -1 : 1;
  return parts.map((part) => money(sign * Number(part), total.currency));
}

function splitMagnitude(amount: bigint, weights: readonly bigint[]): bigint[] {
  const weightTotal = weights.reduce((a, b) => a + b, 0n);
  const shares = weights.map((weight, index) => ({
    index,
    floor: (amount * weight) / weightTotal,
    remainder: (amount * weight) % weightTotal,
  }));
  let leftover = amount - shares.reduce((a, share) => a + share.floor, 0n);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  const parts = shares.map((share) => share.floor);
  for (const share of byRemainder) {
    if (leftover === 0n) break;
    parts[share.index]! += 1n;
    leftover -= 1n;
  }
  return parts;
}
