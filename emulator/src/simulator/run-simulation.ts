import type { ShopState } from '../domain/index.ts';
import { planCase, planContext, type PlannedStep } from './case-plans.ts';
import {
  assignCases,
  orderTraits,
  parseMix,
  skippedCases,
  type Mix,
  type OrderCase,
  type OrderTrait,
} from './mix.ts';
import { placeOrder } from './place-order.ts';
import { seededRandom, type Random } from './seeded-random.ts';
import { setUpShop, type SimulatedShop } from './shop-setup.ts';

export interface SimulateOptions {
  /** New orders to place, each with its later activity. */
  orders: number;
  /** Case weights and trait rates over the default mix (mix.ts), as text or an object. */
  mix?: string | Partial<Record<string, number>>;
  /** Seed of every random choice (Default: 1). */
  seed?: number | string;
  /** Called after each step with the step's order, e.g. to detect webhooks (Default: nothing). */
  afterStep?: (orderId: number) => void;
}

export interface SimulationReport {
  orders: number;
  steps: number;
  orderIds: number[];
  cases: Partial<Record<OrderCase, number>>;
  traits: Partial<Record<OrderTrait, number>>;
  /** Cases the domain cannot produce yet, with the reason; those orders ran as plain ones. */
  skipped: Partial<Record<OrderCase, { count: number; reason: string }>>;
  /** Steps the domain refused (none expected; kept so a soak run does not stop). */
  errors: { orderId: number; step: string; message: string }[];
}

interface TimedStep extends PlannedStep {
  at: number;
  sequence: number;
  order: { id: number };
}

/**
 * A deterministic merchant history: `orders` orders placed over the past weeks and everything
 * that happens to them afterwards, run in time order through the domain commands with the shop
 * clock set to each step's time. The history ends at the clock's current time, so the same seed
 * and clock give a byte-identical shop.
 */
export function simulate(state: ShopState, options: SimulateOptions): SimulationReport {
  const random = seededRandom(options.seed ?? 1);
  const mix = parseMix(options.mix);
  const shop = setUpShop(state);
  const report = emptyReport(options.orders);
  const steps = planHistory(state, shop, random, mix, options.orders, report);
  const realClock = state.clock;
  try {
    for (const step of steps) {
      state.clock = () => new Date(step.at);
      runStep(state, step, report);
      options.afterStep?.(step.order.id);
    }
  } finally {
    state.clock = realClock;
  }
  return report;
}

/** Order placements and their later steps on one timeline that ends now. */
function planHistory(
  state: ShopState,
  shop: SimulatedShop,
  random: Random,
  mix: Mix,
  count: number,
  report: SimulationReport,
): TimedStep[] {
  const cases = assignCases(mix, count, random.next);
  const context = planContext(state, shop);
  const steps: TimedStep[] = [];
  let placedAt = 0;
  cases.forEach((orderCase) => {
    placedAt += random.int(20, 120) * 60_000;
    const traits = orderTraits.filter((trait) => random.chance(mix[trait]));
    const order = { id: 0 };
    const addVariantId = random.pick(shop.goods).id;
    const place: PlannedStep = {
      hours: 0,
      label: 'place order',
      run: (s) => {
        const placed = placeOrder(s, shop, random, orderCase, traits);
        order.id = placed.order.id;
        count1(report, orderCase, placed.traits);
      },
    };
    for (const planned of [place, ...planCase(orderCase, order, addVariantId, context)]) {
      steps.push({ ...planned, at: placedAt + planned.hours * 3_600_000, sequence: steps.length, order });
    }
  });
  // A reduce, not Math.max(...spread): 100k orders make more steps than a call can take as arguments.
  const end = steps.reduce((latest, step) => Math.max(latest, step.at), 0);
  const now = state.clock().getTime();
  return steps
    .map((step) => ({ ...step, at: now - end + step.at }))
    .sort((a, b) => a.at - b.at || a.sequence - b.sequence);
}

function runStep(state: ShopState, step: TimedStep, report: SimulationReport): void {
  try {
    step.run(state);
    report.steps += 1;
    if (step.label === 'place order') report.orderIds.push(step.order.id);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const details = (error as { errors?: unknown }).errors;
    report.errors.push({
      orderId: step.order.id,
      step: step.label,
      message: details ? `${message} ${JSON.stringify(details)}` : message,
    });
  }
}

function count1(report: SimulationReport, orderCase: OrderCase, traits: OrderTrait[]): void {
  const reason = skippedCases[orderCase];
  if (reason) {
    const skipped = report.skipped[orderCase] ?? { count: 0, reason };
    skipped.count += 1;
    report.skipped[orderCase] = skipped;
  } else {
    report.cases[orderCase] = (report.cases[orderCase] ?? 0) + 1;
  }
  for (const trait of traits) report.traits[trait] = (report.traits[trait] ?? 0) + 1;
}

function emptyReport(orders: number): SimulationReport {
  return { orders, steps: 0, orderIds: [], cases: {}, traits: {}, skipped: {}, errors: [] };
}
