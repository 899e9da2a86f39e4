import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import { listAuditLog, setUserPassword } from '../access/index.ts';
import { addTestUser, type TestUser } from '../access/testing/test-users.ts';
import { buildServer, type StorebridgeServer } from '../http/server.ts';
import { importMasterData } from '../masterdata/index.ts';
import { createLogger } from '../shared/logger.ts';
import { addShop, quickShopInput } from './index.ts';
import type { ShopForm } from './shop-form.ts';

describeOnEachBackend('the shop card API: /api/shops, settings, master data', (backend) => {
  let store: TestStore;
  let server: StorebridgeServer;
  let admin: TestUser;
  let reader: TestUser;
  const secretKey = randomBytes(32);
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, key = admin.apiKey) =>
    server.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(payload && { payload }) });
  const fieldOf = (form: ShopForm, key: string) =>
    form.groups.flatMap((group) => group.fields).find((field) => field.key === key);

  // One store and server for the file; each test works on its own shop.
  beforeAll(async () => {
    store = await openTestStore(backend);
    admin = await addTestUser(store.db, 'admin', 'ann');
    reader = await addTestUser(store.db, 'read_only', 'rita');
    server = buildServer({ store, secretKey, logger: createLogger('silent') });
    await importMasterData(store.db, 'gl-accounts', {
      fileName: 'accounts.json',
      content: JSON.stringify([{ no: '4900', name: 'Refunds', accountType: 'revenue' }]),
    });
    await importMasterData(store.db, 'locations', {
      fileName: 'locations.json',
      content: JSON.stringify([{ code: 'MAIN', name: 'Main warehouse' }]),
    });
  });
  afterEach(() => vi.unstubAllEnvs());
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  const shop = (code: string) =>
    addShop(
      { db: store.db, secretKey },
      quickShopInput({ code, domain: `${code.toLowerCase()}.myshopify.com`, token: 'shpat_secret_token' }),
    );

  it('lists the shops and shows one as a form: groups, labels, help, types, choices, secrets hidden', async () => {
    await shop('EU');
    const list = await call('GET', '/api/shops');
    expect(list.json().shops).toContainEqual(
      expect.objectContaining({ code: 'EU', name: 'EU', shopifyDomain: 'eu.myshopify.com', currency: 'USD' }),
    );
    const response = await call('GET', '/api/shops/EU', undefined, reader.apiKey);
    expect(response.statusCode).toBe(200);
    const form = response.json() as ShopForm;
    expect(form).toMatchObject({ code: 'EU', name: 'EU', shopifyDomain: 'eu.myshopify.com' });
    expect(form.groups.map((group) => group.id)).toEqual([
      'connection',
      'orders',
      'returns',
      'customers',
      'mappings',
      'invoiceExport',
    ]);
    expect(fieldOf(form, 'credentials.accessToken')).toMatchObject({ type: 'secret', value: '(set)' });
    expect(fieldOf(form, 'webhookSecret')).toMatchObject({ type: 'secret', value: '(not set)' });
    expect(JSON.stringify(form)).not.toContain('shpat_secret_token');
    expect(fieldOf(form, 'syncFrequencyMinutes')).toEqual({
      key: 'syncFrequencyMinutes',
      label: 'Sync frequency (minutes)',
      help: 'Minutes between polling syncs, 1-1440. Default 15.',
      type: 'number',
      value: 15,
      default: 15,
    });
    expect(fieldOf(form, 'returnsAndRefundsMode')).toMatchObject({
      type: 'choice',
      choices: ['none', 'import_only', 'auto_create_credit_memo'],
    });
    expect(fieldOf(form, 'orderFilters.riskLevels')).toMatchObject({ type: 'multi-choice', value: [] });
    expect(fieldOf(form, 'accounts.refund')).toMatchObject({ reference: 'gl_account', value: null });
    expect(fieldOf(form, 'code')).toMatchObject({ fixed: true });
    expect(fieldOf(form, 'locationMappings')).toMatchObject({
      type: 'rows',
      columns: [
        expect.objectContaining({ key: 'shopifyLocationId', type: 'text' }),
        expect.objectContaining({ key: 'locationCode', reference: 'location' }),
        expect.objectContaining({ key: 'isDefault', type: 'boolean', default: false }),
      ],
    });
    expect((await call('GET', '/api/shops/NOPE')).statusCode).toBe(404);
  });

  it('PATCH saves JSON values through the shop model, answers the new form and what changed, and audits', async () => {
    vi.stubEnv('STOREBRIDGE_PUBLIC_URL', '');
    await shop('US');
    const response = await call('PATCH', '/api/shops/US/settings', {
      changes: {
        syncFrequencyMinutes: 30,
        autoSyncOrders: true,
        'accounts.refund': '4900',
        'orderFilters.tags': ['@*vip*'],
        locationMappings: [{ shopifyLocationId: '1', locationCode: 'MAIN', isDefault: true }],
        name: '007',
      },
    });
    expect([response.statusCode, response.json().error]).toEqual([200, undefined]);
    const { shop: form, changed } = response.json() as { shop: ShopForm; changed: string[] };
    expect(changed).toEqual([
      'syncFrequencyMinutes',
      'autoSyncOrders',
      'accounts.refund',
      'orderFilters.tags',
      'locationMappings',
      'name',
    ]);
    expect(fieldOf(form, 'syncFrequencyMinutes')?.value).toBe(30);
    // Auto sync switched on: the webhook subscriptions would follow, but no public URL is known.
    expect(response.json().webhooks).toEqual({
      kind: 'no_public_url',
      message: expect.stringContaining('STOREBRIDGE_PUBLIC_URL is not set'),
    });
    expect([form.name, fieldOf(form, 'name')?.value]).toEqual(['007', '007']);
    const again = (await call('GET', '/api/shops/US')).json() as ShopForm;
    expect(fieldOf(again, 'accounts.refund')?.value).toBe('4900');
    expect(fieldOf(again, 'locationMappings')?.value).toEqual([
      { shopifyLocationId: '1', locationCode: 'MAIN', isDefault: true },
    ]);

    const unset = await call('PATCH', '/api/shops/US/settings', { changes: { syncFrequencyMinutes: null } });
    expect(fieldOf(unset.json().shop, 'syncFrequencyMinutes')?.value).toBe(15);

    const { entries } = await listAuditLog(store.db, { shop: 'US' });
    expect(entries.at(-1)).toMatchObject({
      user: 'ann',
      action: 'shop.configure',
      target: 'shop US settings',
      outcome: 'succeeded',
    });
  });

  it('PATCH with two bad fields names both, 422, and saves nothing', async () => {
    await shop('BAD');
    const response = await call('PATCH', '/api/shops/BAD/settings', {
      changes: {
        autoSyncOrders: true,
        syncFrequencyMinutes: 0,
        localCurrency: 'EUO',
        webhookSecret: '(set)',
      },
    });
    expect(response.statusCode).toBe(422);
    const { error } = response.json() as { error: { code: string; issues: { path: string }[] } };
    expect(error.code).toBe('validation_failed');
    expect(error.issues.map((issue) => issue.path).sort()).toEqual([
      'localCurrency',
      'syncFrequencyMinutes',
      'webhookSecret',
    ]);
    const form = (await call('GET', '/api/shops/BAD')).json() as ShopForm;
    expect(fieldOf(form, 'autoSyncOrders')?.value).toBe(false);

    const missing = await call('PATCH', '/api/shops/BAD/settings', {
      changes: { 'accounts.refund': '9999', 'nonsense.key': 1 },
    });
    expect([missing.statusCode, missing.json().error.issues]).toEqual([
      422,
      [{ path: 'nonsense.key', message: 'is not a shop setting' }],
    ]);
    const reference = await call('PATCH', '/api/shops/BAD/settings', {
      changes: { 'accounts.refund': '9999', code: 'OTHER' },
    });
    expect([reference.statusCode, reference.json().error.issues]).toEqual([
      422,
      [{ path: 'code', message: 'cannot be changed once the shop is added' }],
    ]);
  });

  it('refuses a read_only user the PATCH (403, audited), as the UI-visible `may` says', async () => {
    await shop('RO');
    const signedIn = await addTestUser(store.db, 'read_only', 'rolf');
    await setUserPassword(store.db, { name: 'rolf', password: 'read only person' }, 'local');
    const session = await server.inject({
      method: 'POST',
      url: '/api/session',
      payload: { name: 'rolf', password: 'read only person' },
    });
    expect(session.json().may).not.toContain('shop.configure');
    const cookie = String(session.headers['set-cookie']).split(';')[0]!;
    const refused = await server.inject({
      method: 'PATCH',
      url: '/api/shops/RO/settings',
      headers: { cookie },
      payload: { changes: { autoSyncOrders: true } },
    });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'forbidden']);
    const { entries } = await listAuditLog(store.db, { shop: 'RO' });
    expect(entries[0]).toMatchObject({ user: signedIn.actor.userName, via: 'ui', outcome: 'refused' });
    expect((await call('PATCH', '/api/shops/RO/settings', { changes: {} }, reader.apiKey)).statusCode).toBe(
      403,
    );
  });

  it('POST /api/shops adds a shop; a taken code is a conflict, a bad domain names the field', async () => {
    const added = await call('POST', '/api/shops', {
      code: 'NEW',
      shopifyDomain: 'new-shop.myshopify.com',
      clientId: 'app-id',
      clientSecret: 'app-secret',
      endpoint: 'http://127.0.0.1:9',
    });
    expect(added.statusCode).toBe(201);
    const form = added.json() as ShopForm;
    expect(fieldOf(form, 'credentials.clientSecret')?.value).toBe('(set)');
    expect(fieldOf(form, 'endpoint')?.value).toBe('http://127.0.0.1:9');
    const again = await call('POST', '/api/shops', {
      code: 'NEW',
      shopifyDomain: 'other.myshopify.com',
      accessToken: 't',
    });
    expect(again.statusCode).toBe(409);
    const bad = await call('POST', '/api/shops', {
      code: 'X2',
      shopifyDomain: 'example.com',
      accessToken: 't',
    });
    expect([bad.statusCode, bad.json().error.issues]).toEqual([
      422,
      [{ path: 'shopifyDomain', message: 'must be a <shop>.myshopify.com domain' }],
    ]);
    const { entries } = await listAuditLog(store.db, { shop: 'NEW' });
    expect(JSON.stringify(entries)).not.toContain('app-secret');
  });

  it('GET /api/master-data/:kind offers the records a mapping field can name', async () => {
    const locations = await call('GET', '/api/master-data/locations', undefined, reader.apiKey);
    expect(locations.json()).toEqual({ rows: [{ code: 'MAIN', name: 'Main warehouse' }] });
    expect((await call('GET', '/api/master-data/gl_account')).json().rows).toEqual([
      expect.objectContaining({ no: '4900', name: 'Refunds' }),
    ]);
    expect((await call('GET', '/api/master-data/shipping-agents')).json()).toEqual({ rows: [] });
    expect((await call('GET', '/api/master-data/planets')).statusCode).toBe(404);
  });
});
