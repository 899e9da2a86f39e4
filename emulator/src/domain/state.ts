import type { DraftOrder } from './model/draft.ts';
import type { OrderEditSession } from './model/edit.ts';
import type { Job } from './model/job.ts';
import type { Order } from './model/order.ts';
import type {
  Company,
  Customer,
  InventoryItem,
  InventoryLevel,
  Location,
  Product,
  ShopInfo,
} from './model/shop.ts';

export type Clock = () => Date;

/** Everything the emulator knows about one shop; plain JSON so it can be saved to a folder. */
export interface ShopData {
  shop: ShopInfo;
  /** Next id handed out (deterministic; ids are never reused). */
  nextId: number;
  /** Next order number (#1001 is number 1). */
  nextOrderNumber: number;
  locations: Location[];
  products: Product[];
  inventoryItems: InventoryItem[];
  inventoryLevels: InventoryLevel[];
  customers: Customer[];
  companies: Company[];
  orders: Order[];
  draftOrders: DraftOrder[];
  orderEdits: OrderEditSession[];
  jobs: Job[];
}

export interface ShopStateJson {
  format: 'storebridge-emulator-shop';
  version: 1;
  data: ShopData;
}

/** First generated id (Default: 1_000_000_001). Far from Shopify's example ids (450789469...). */
const firstGeneratedId = 1_000_000_001;

const defaultShop: Omit<ShopInfo, 'createdAt' | 'updatedAt'> = {
  id: 548380009,
  name: 'John Smith Test Store',
  email: 'j.smith@example.com',
  currencyCode: 'USD',
  ianaTimezone: 'America/New_York',
  plan: 'enterprise',
  myshopifyDomain: 'jsmith.myshopify.com',
  exchangeRates: {},
  pendingRefundGateways: [],
  countryCode: 'US',
  taxesIncluded: false,
  taxShipping: false,
  weightUnit: 'KILOGRAMS',
};

export class ShopState {
  readonly data: ShopData;
  /** The movable clock; every timestamp comes from here, never from `new Date()`. */
  clock: Clock;

  constructor(data: ShopData, clock: Clock) {
    this.data = data;
    this.clock = clock;
  }

  /** Current time as an ISO-8601 UTC string. */
  now(): string {
    return this.clock().toISOString();
  }

  nextId(): number {
    const id = this.data.nextId;
    this.data.nextId += 1;
    return id;
  }

  /** Seeding with Shopify's own ids (fixtures): keep the counter clear of them. */
  claimId(id: number): number {
    if (id >= this.data.nextId) this.data.nextId = id + 1;
    return id;
  }

  toJSON(): ShopStateJson {
    return { format: 'storebridge-emulator-shop', version: 1, data: structuredClone(this.data) };
  }

  static fromJSON(json: unknown, clock: Clock): ShopState {
    const parsed = (typeof json === 'string' ? JSON.parse(json) : json) as Partial<ShopStateJson>;
    if (parsed?.format !== 'storebridge-emulator-shop' || parsed.version !== 1 || !parsed.data) {
      throw new Error('not a storebridge emulator shop state (format/version mismatch)');
    }
    return new ShopState(structuredClone(parsed.data), clock);
  }
}

export interface CreateShopStateOptions {
  /** Default: the system clock. Tests pass a movable clock. */
  clock?: Clock;
  shop?: Partial<ShopInfo>;
}

export function createShopState(opts: CreateShopStateOptions = {}): ShopState {
  const clock = opts.clock ?? (() => new Date());
  const createdAt = clock().toISOString();
  const data: ShopData = {
    shop: { ...defaultShop, createdAt, updatedAt: createdAt, ...opts.shop },
    nextId: firstGeneratedId,
    nextOrderNumber: 1,
    locations: [],
    products: [],
    inventoryItems: [],
    inventoryLevels: [],
    customers: [],
    companies: [],
    orders: [],
    draftOrders: [],
    orderEdits: [],
    jobs: [],
  };
  return new ShopState(data, clock);
}
