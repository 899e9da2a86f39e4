import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/index.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../src/shared/errors.ts';
import {
  addShop,
  getShopConnection,
  listShops,
  parseShopSettings,
  quickShopInput,
  readShopFile,
  SecretsUnreadableError,
  setShopSetting,
  showShop,
  type ShopDeps,
} from '../../src/shops/index.ts';
import { settingReferences } from '../../src/shops/shop-references.ts';
import { describeOnEachBackend, openTestStore, type TestStore } from '../support/test-store.ts';

const exampleFile = new URL('../../examples/shop.json', import.meta.url).pathname;
const quick = quickShopInput({ code: 'POS', domain: 'pos-shop.myshopify.com', token: 'shpat_pos_token' });

/** Master data for every record the example shop names (test seeding; the shops code only reads it). */
async function seedMasterDataFor(db: Kysely<Database>, input: unknown): Promise<void> {
  for (const ref of settingReferences(parseShopSettings(input))) {
    if (ref.kind === 'gl_account') {
      await db
        .insertInto('gl_accounts')
        .values({ no: ref.no, name: ref.no, account_type: 'revenue' })
        .onConflict((c) => c.doNothing())
        .execute();
    } else if (ref.kind === 'location') {
      await db
        .insertInto('locations')
        .values({ code: ref.no, name: ref.no })
        .onConflict((c) => c.doNothing())
        .execute();
    } else if (ref.kind === 'customer') {
      await db
        .insertInto('customers')
        .values({ no: ref.no, name: ref.no, addresses: '[]' })
        .onConflict((c) => c.doNothing())
        .execute();
    } else {
      await db
        .insertInto('items')
        .values({
          no: ref.no,
          sku: null,
          description: ref.no,
          type: 'service',
          unit_price_minor: 0,
          currency: 'USD',
        })
        .onConflict((c) => c.doNothing())
        .execute();
    }
  }
}

async function shopCount(db: Kysely<Database>): Promise<number> {
  return (await db.selectFrom('shops').select('code').execute()).length;
}

async function thrown(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: Error) => error,
  );
}

describeOnEachBackend('shops', (backend) => {
  let store: TestStore;
  let deps: ShopDeps;
  let example: Record<string, unknown>;
  beforeEach(async () => {
    store = await openTestStore(backend);
    deps = { db: store.db, secretKey: randomBytes(32) };
    example = (await readShopFile(exampleFile)) as Record<string, unknown>;
  });
  afterEach(async () => {
    await store.close();
  });

  it('adds the example shop file and shows it back, secrets only as (set)', async () => {
    await seedMasterDataFor(store.db, example);
    await addShop(deps, example);
    const shown = await showShop(deps, 'EU-WEB');
    expect(shown).toMatchObject({
      code: 'EU-WEB',
      name: 'EU web store',
      shopCurrency: 'EUR',
      returnsAndRefundsMode: 'auto_create_credit_memo',
      credentials: { accessToken: '(set)', clientSecret: '(not set)' },
      webhookSecret: '(set)',
      accounts: { refund: '4490', refundPayFrom: '1020' },
      locationMappings: [
        { locationCode: 'MAIN', isDefault: true },
        { locationCode: 'OUTLET', isDefault: false },
      ],
    });
    expect(await listShops(deps)).toEqual([
      expect.objectContaining({
        code: 'EU-WEB',
        shopifyDomain: 'eu-web-store.myshopify.com',
        currency: 'EUR',
      }),
    ]);
  });

  it('stores the secrets only sealed, and hands them to the connection', async () => {
    await seedMasterDataFor(store.db, example);
    await addShop(deps, example);
    const row = await store.db
      .selectFrom('shops')
      .selectAll()
      .where('code', '=', 'EU-WEB')
      .executeTakeFirstOrThrow();
    const credentials = example.credentials as { accessToken: string };
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(credentials.accessToken);
    expect(stored).not.toContain(String(example.webhookSecret));
    expect(row.secrets).toMatch(/^v1\./);
    const connection = await getShopConnection(deps, 'EU-WEB');
    expect(connection.secrets.accessToken?.reveal()).toBe(credentials.accessToken);
    expect(connection.secrets.webhookSecret?.reveal()).toBe(example.webhookSecret);
    expect(connection.graphqlUrl).toBe('https://eu-web-store.myshopify.com/admin/api/2025-01/graphql.json');
    expect(JSON.stringify(connection)).not.toContain(credentials.accessToken);
  });

  it('adds a shop from code, domain and token with every other setting at its default', async () => {
    await addShop(deps, { ...quick, endpoint: 'http://127.0.0.1:4010' });
    const connection = await getShopConnection(deps, 'POS');
    expect(connection.settings).toMatchObject({
      name: 'POS',
      apiVersion: '2025-01',
      returnsAndRefundsMode: 'none',
    });
    expect(connection.graphqlUrl).toBe('http://127.0.0.1:4010/admin/api/2025-01/graphql.json');
    expect(connection.secrets.accessToken?.reveal()).toBe('shpat_pos_token');
  });

  // One row per shop file that must be refused: the field named, and nothing stored.
  const refusedFiles = [
    { name: 'missing domain', change: { shopifyDomain: undefined }, message: 'shopifyDomain: is required' },
    {
      name: 'invalid currency',
      change: { localCurrency: 'EURO' },
      message: /localCurrency: must be an ISO 4217/,
    },
    {
      name: 'unknown setting',
      change: { autoCreateOrders: true },
      message: 'autoCreateOrders: is not a shop setting',
    },
    {
      name: 'missing refund account',
      change: { accounts: { refundNonRestockItems: '4495', refundPayFrom: '1020' } },
      message: 'accounts.refund: is required when returnsAndRefundsMode is auto_create_credit_memo',
    },
  ];
  it.each(refusedFiles)('refuses a shop file with $name and stores nothing', async ({ change, message }) => {
    await seedMasterDataFor(store.db, example);
    const error = await thrown(addShop(deps, { ...example, ...change }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(message);
    expect(await shopCount(store.db)).toBe(0);
  });

  it('refuses settings naming a G/L account, location or customer that does not exist', async () => {
    await seedMasterDataFor(store.db, example);
    await store.db.deleteFrom('gl_accounts').where('no', '=', '4490').execute();
    await store.db.deleteFrom('locations').where('code', '=', 'OUTLET').execute();
    await store.db.deleteFrom('customers').where('no', '=', 'C-B2B').execute();
    const error = await thrown(addShop(deps, example));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: 'accounts.refund', message: 'G/L account 4490 does not exist' },
      { path: 'locationMappings.1.locationCode', message: 'location OUTLET does not exist' },
      { path: 'defaultCompanyNo', message: 'customer C-B2B does not exist' },
    ]);
    expect(await shopCount(store.db)).toBe(0);
  });

  it('refuses a second shop with the same code or the same domain', async () => {
    await addShop(deps, quick);
    await expect(addShop(deps, { ...quick, shopifyDomain: 'other.myshopify.com' })).rejects.toThrow(
      new ConflictError('code: shop "POS" already exists'),
    );
    await expect(addShop(deps, { ...quick, code: 'POS2' })).rejects.toThrow(
      'shopifyDomain: pos-shop.myshopify.com is already connected as shop "POS"',
    );
    expect(await shopCount(store.db)).toBe(1);
  });

  it('changes settings by key=value and keeps the rest', async () => {
    await addShop(deps, quick);
    const { shop, changed } = await setShopSetting(deps, 'POS', [
      'orderFilters.channel=Point of Sale',
      'orderFilters.tags=@*pos*',
      'syncFrequencyMinutes=5',
      'autoSyncOrders=on',
      'name=Point of sale',
      'credentials.accessToken=shpat_rotated',
    ]);
    expect(changed).toHaveLength(6);
    expect(shop).toMatchObject({ name: 'Point of sale', syncFrequencyMinutes: 5, autoSyncOrders: true });
    const shown = await showShop(deps, 'POS');
    expect(shown.orderFilters).toMatchObject({ channel: 'Point of Sale', tags: ['@*pos*'] });
    expect(shown.sendShippingConfirmation).toBe(true);
    expect((await getShopConnection(deps, 'POS')).secrets.accessToken?.reveal()).toBe('shpat_rotated');
    await setShopSetting(deps, 'POS', ['name=', 'orderFilters.channel=']);
    expect(await showShop(deps, 'POS')).toMatchObject({ name: 'POS', orderFilters: { tags: ['@*pos*'] } });
  });

  it('refuses a change that breaks a rule, names a missing record, or a fixed key, and keeps the shop as it was', async () => {
    await addShop(deps, quick);
    const before = await showShop(deps, 'POS');
    await expect(
      setShopSetting(deps, 'POS', [
        'returnsAndRefundsMode=auto_create_credit_memo',
        'autoCreateDocuments=true',
      ]),
    ).rejects.toThrow(/accounts\.refund: is required when returnsAndRefundsMode is auto_create_credit_memo/);
    await expect(setShopSetting(deps, 'POS', ['accounts.refund=8000'])).rejects.toThrow(
      'accounts.refund: G/L account 8000 does not exist',
    );
    await expect(setShopSetting(deps, 'POS', ['shopifyDomain=x.myshopify.com'])).rejects.toThrow(
      /shopifyDomain: cannot be changed/,
    );
    await expect(setShopSetting(deps, 'POS', ['autoCreateOrders=true', 'refundAccount=1'])).rejects.toThrow(
      'autoCreateOrders: is not a shop setting; refundAccount: is not a shop setting',
    );
    expect(await showShop(deps, 'POS')).toEqual(before);
  });

  it('a shop that does not exist is named', async () => {
    await expect(showShop(deps, 'NOPE')).rejects.toThrow(new NotFoundError('Shop "NOPE" does not exist'));
    await expect(setShopSetting(deps, 'NOPE', ['autoSyncOrders=true'])).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a wrong secret key gives a clear error, and the shops can still be listed', async () => {
    await addShop(deps, quick);
    const otherKey = { ...deps, secretKey: randomBytes(32) };
    await expect(getShopConnection(otherKey, 'POS')).rejects.toThrow(SecretsUnreadableError);
    await expect(showShop(otherKey, 'POS')).rejects.toThrow(
      /shop POS: the stored secrets cannot be decrypted with this secret key/,
    );
    expect(await listShops(otherKey)).toHaveLength(1);
  });

  it('a secrets envelope moved to another shop does not open there', async () => {
    await addShop(deps, quick);
    await addShop(deps, quickShopInput({ code: 'WEB', domain: 'web.myshopify.com', token: 'shpat_web' }));
    const pos = await store.db
      .selectFrom('shops')
      .select('secrets')
      .where('code', '=', 'POS')
      .executeTakeFirstOrThrow();
    await store.db.updateTable('shops').set({ secrets: pos.secrets }).where('code', '=', 'WEB').execute();
    await expect(getShopConnection(deps, 'WEB')).rejects.toThrow(SecretsUnreadableError);
  });
});
