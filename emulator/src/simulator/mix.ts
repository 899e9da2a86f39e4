/**
 * What happens to an order after it is placed: one case per order, drawn by weight. Cases the
 * domain cannot produce yet are kept in the mix and reported as skipped (see README and
 * graphql/NEEDS.md) instead of being faked.
 */
export const orderCases = [
  'plain',
  'partial-fulfillment',
  'authorize-capture',
  'b2b-pay-later',
  'refund-quantity-only',
  'refund-amount-only',
  'refund-return-restock',
  'refund-no-restock',
  'refund-cancel-restock',
  'refund-shipping-only',
  'refund-discrepancy',
  'refund-pending',
  'return-with-refund',
  'return-without-refund',
  'return-declined',
  'exchange-cheaper',
  'exchange-pricier',
  'edit-quantity-down',
  'edit-quantity-up',
  'edit-item-removed',
  'edit-item-added',
  'cancel-paid',
  'cancel-unpaid',
] as const;
export type OrderCase = (typeof orderCases)[number];

/** Order traits, each drawn independently with its rate (0..1). */
export const orderTraits = [
  'pos',
  'foreign-currency',
  'tax-included',
  'line-discount',
  'cart-discount',
  'tip',
  'gift-card-sold',
  'gift-card-applied',
] as const;
export type OrderTrait = (typeof orderTraits)[number];

/**
 * Why a case is not produced (the domain lacks the command); it runs as `plain` instead. Empty
 * since exchanges, quantity increases and refund settlement exist (NEEDS.md 10-12).
 */
export const skippedCases: Partial<Record<OrderCase, string>> = {};

export type Mix = Readonly<Record<OrderCase, number> & Record<OrderTrait, number>>;

/** Default weights of the cases (relative) and rates of the traits. */
export const defaultMix: Mix = {
  plain: 20,
  'partial-fulfillment': 5,
  'authorize-capture': 5,
  'b2b-pay-later': 4,
  'refund-quantity-only': 3,
  'refund-amount-only': 4,
  'refund-return-restock': 4,
  'refund-no-restock': 3,
  'refund-cancel-restock': 3,
  'refund-shipping-only': 3,
  'refund-discrepancy': 3,
  'refund-pending': 3,
  'return-with-refund': 5,
  'return-without-refund': 3,
  'return-declined': 2,
  'exchange-cheaper': 2,
  'exchange-pricier': 2,
  'edit-quantity-down': 3,
  'edit-quantity-up': 2,
  'edit-item-removed': 3,
  'edit-item-added': 3,
  'cancel-paid': 4,
  'cancel-unpaid': 3,
  pos: 0.25,
  'foreign-currency': 0.25,
  'tax-included': 0.3,
  'line-discount': 0.2,
  'cart-discount': 0.2,
  tip: 0.1,
  'gift-card-sold': 0.06,
  'gift-card-applied': 0.08,
};

/**
 * `--mix "refund-pending=10,pos=0.5"`: overrides of the default mix (case weights, trait rates).
 * Throws on an unknown name or a negative number.
 */
export function parseMix(text: string | Partial<Record<string, number>> | undefined): Mix {
  if (text === undefined) return defaultMix;
  const entries =
    typeof text === 'string'
      ? text
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)
          .map((part) => {
            const [name = '', value = ''] = part.split('=');
            return [name.trim(), Number(value)] as const;
          })
      : Object.entries(text);
  const mix: Record<string, number> = { ...defaultMix };
  for (const [name, value] of entries) {
    if (!(name in defaultMix))
      throw new Error(`--mix: unknown case "${name}" (known: ${Object.keys(defaultMix).join(', ')})`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new Error(`--mix: "${name}" needs a number >= 0`);
    }
    mix[name] = value;
  }
  return mix as Mix;
}

/**
 * The case of each of `count` orders: quotas by weight (largest remainder, so a 300-order corpus
 * holds every case with a non-zero weight at its share), shuffled by the seeded random.
 */
export function assignCases(mix: Mix, count: number, random: () => number): OrderCase[] {
  const weights = orderCases.map((name) => mix[name]);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) return Array.from({ length: count }, () => 'plain');
  const exact = weights.map((weight) => (weight / total) * count);
  const quotas = exact.map(Math.floor);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  const leftover = count - quotas.reduce((sum, quota) => sum + quota, 0);
  for (let i = 0; i < leftover; i++) quotas[order[i]!.index]! += 1;
  const cases = orderCases.flatMap((name, index) => Array.from({ length: quotas[index]! }, () => name));
  for (let i = cases.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [cases[i], cases[j]] = [cases[j]!, cases[i]!];
  }
  return cases;
}

/** One case drawn by weight (live mode, where orders come one at a time). */
export function drawCase(mix: Mix, random: () => number): OrderCase {
  const total = orderCases.reduce((sum, name) => sum + mix[name], 0);
  let point = random() * total;
  for (const name of orderCases) {
    point -= mix[name];
    if (point < 0) return name;
  }
  return 'plain';
}
