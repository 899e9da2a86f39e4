/**
 * Largest-remainder split of an integer total by weights. Ties go to the earliest weight,
 * which puts a leftover cent on the first line, as Shopify does with order 450789469's
 * TENOFF code (3.34 / 3.33 / 3.33).
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (weights.length === 0) return [];
  if (weightSum === 0) return weights.map((_, index) => (index === 0 ? total : 0));
  const sign = total < 0 ? -1 : 1;
  const absolute = Math.abs(total);
  const shares = weights.map((weight) => Math.floor((absolute * weight) / weightSum));
  const remainders = weights.map((weight, index) => ({
    index,
    remainder: absolute * weight - (shares[index] ?? 0) * weightSum,
  }));
  let left = absolute - shares.reduce((sum, share) => sum + share, 0);
  remainders.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of remainders) {
    if (left <= 0) break;
    shares[index] = (shares[index] ?? 0) + 1;
    left -= 1;
  }
  return shares.map((share) => share * sign);
}

/**
 * The part of `total` (spread over `quantity` units) that belongs to units
 * (alreadyTaken, alreadyTaken + take]. Cumulative rounding: taking every unit in any
 * number of steps always sums to `total` exactly.
 */
export function proRataSlice(total: number, quantity: number, alreadyTaken: number, take: number): number {
  if (quantity <= 0) return 0;
  return upTo(total, quantity, alreadyTaken + take) - upTo(total, quantity, alreadyTaken);
}

/** The rounded share of the first `units` units (a module function: money views call this a lot). */
function upTo(total: number, quantity: number, units: number): number {
  return roundHalfUp((total * units) / quantity, total * units, quantity);
}

function roundHalfUp(_approx: number, numerator: number, denominator: number): number {
  const negative = numerator < 0;
  const absolute = Math.abs(numerator);
  const quotient = Math.floor(absolute / denominator);
  const rounded = (absolute - quotient * denominator) * 2 >= denominator ? quotient + 1 : quotient;
  return negative ? -rounded : rounded;
}
