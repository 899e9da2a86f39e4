import { createChaos, type Chaos } from '../chaos/chaos.ts';

/**
 * Delivery faults Shopify warns apps about (shopify.dev "Webhooks best practices": duplicates,
 * no ordering guarantee, missed webhooks to reconcile), injected at seeded rates.
 */
export interface DeliveryChaosOptions {
  /** Seed of the decisions (Default: 1). */
  seed?: number;
  /** Share of deliveries sent twice with the same X-Shopify-Webhook-Id (Default: 0). */
  duplicateRate?: number;
  /** Share of deliveries never sent (Default: 0). */
  dropRate?: number;
  /** Each delivery waits a random 0..window ms on the emulator clock, so they arrive out of order (Default: 0). */
  delayWindowMs?: number;
}

export interface ChaosDecision {
  drop: boolean;
  delayMs: number;
  /** Delay of the duplicate copy, or null when there is none. */
  duplicateDelayMs: number | null;
}

export class DeliveryChaos {
  private settings: Required<DeliveryChaosOptions>;
  private random: Chaos;

  constructor(options: DeliveryChaosOptions = {}) {
    this.settings = withDefaults(options);
    this.random = createChaos({ seed: this.settings.seed });
  }

  get options(): Required<DeliveryChaosOptions> {
    return { ...this.settings };
  }

  /** New settings; a given seed restarts the sequence. */
  configure(options: DeliveryChaosOptions): void {
    this.settings = withDefaults({ ...this.settings, ...options });
    if (options.seed !== undefined) this.random = createChaos({ seed: this.settings.seed });
  }

  /** One named chaos stream per fault, so switching one fault on does not shift the others. */
  decide(): ChaosDecision {
    const drop = this.random.stream('webhook-drop').roll(this.settings.dropRate);
    const duplicate = this.random.stream('webhook-duplicate').roll(this.settings.duplicateRate);
    const delay = () =>
      Math.floor(this.random.stream('webhook-delay').random() * this.settings.delayWindowMs);
    const delayMs = this.settings.delayWindowMs > 0 ? delay() : 0;
    const duplicateDelayMs = duplicate ? (this.settings.delayWindowMs > 0 ? delay() : 0) : null;
    return { drop, delayMs, duplicateDelayMs };
  }
}

function withDefaults(options: DeliveryChaosOptions): Required<DeliveryChaosOptions> {
  return {
    seed: options.seed ?? 1,
    duplicateRate: rate(options.duplicateRate),
    dropRate: rate(options.dropRate),
    delayWindowMs: Math.max(0, options.delayWindowMs ?? 0),
  };
}

function rate(value: number | undefined): number {
  return Math.min(1, Math.max(0, value ?? 0));
}
