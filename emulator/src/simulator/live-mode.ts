import type { ShopState } from '../domain/index.ts';
import { planCase, planContext, type PlannedStep } from './case-plans.ts';
import { drawCase, orderTraits, parseMix, type Mix } from './mix.ts';
import { placeOrder } from './place-order.ts';
import { seededRandom, type Random } from './seeded-random.ts';
import { setUpShop, type SimulatedShop } from './shop-setup.ts';

export interface LiveOptions {
  /** Events (simulator steps) per second (Default: 1). 0 stops. */
  rate?: number;
  /** Default: 1. */
  seed?: number | string;
  mix?: string | Partial<Record<string, number>>;
}

/**
 * Live mode for demos and soak tests: at `rate` steps per second, places orders and moves
 * earlier ones along their case plans (one step per tick, at the emulator's current time), then
 * calls `afterStep` so webhooks fire.
 */
export class LiveSimulator {
  private timer: NodeJS.Timeout | null = null;
  private queue: PlannedStep[] = [];
  private random: Random = seededRandom(1);
  private mix: Mix = parseMix(undefined);
  private shop: SimulatedShop | null = null;
  private settings: Required<Pick<LiveOptions, 'rate'>> & LiveOptions = { rate: 0 };
  stepsRun = 0;
  errors = 0;

  constructor(
    private readonly state: ShopState,
    private readonly afterStep: () => void,
  ) {}

  get status() {
    return {
      running: this.timer !== null,
      rate: this.settings.rate,
      steps: this.stepsRun,
      errors: this.errors,
    };
  }

  start(options: LiveOptions): void {
    this.stop();
    this.settings = { ...options, rate: options.rate ?? 1 };
    this.random = seededRandom(options.seed ?? 1);
    this.mix = parseMix(options.mix);
    if (this.settings.rate <= 0) return;
    this.timer = setInterval(() => this.step(), Math.max(1, 1000 / this.settings.rate));
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One event: the next planned step, or a new order when a few plans are in flight. */
  step(): void {
    this.shop ??= setUpShop(this.state);
    const next = this.queue.length < 4 || this.random.chance(0.3) ? this.newOrder() : this.queue.shift()!;
    try {
      next.run(this.state);
      this.stepsRun += 1;
    } catch {
      // A refused step (e.g. an order cancelled meanwhile) is counted, not fatal, in a soak run.
      this.errors += 1;
    }
    this.afterStep();
  }

  private newOrder(): PlannedStep {
    const shop = this.shop!;
    const chosen = drawCase(this.mix, this.random.next);
    const traits = orderTraits.filter((trait) => this.random.chance(this.mix[trait]));
    const order = { id: 0 };
    return {
      hours: 0,
      label: 'place order',
      run: (state) => {
        order.id = placeOrder(state, shop, this.random, chosen, traits).order.id;
        this.queue.push(
          ...planCase(chosen, order, this.random.pick(shop.goods).id, planContext(state, shop)),
        );
      },
    };
  }
}
