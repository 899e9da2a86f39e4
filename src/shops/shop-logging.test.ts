import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../shared/logger.ts';
import { Secret } from './secret.ts';
import { splitSecrets } from './shop-secrets.ts';
import { shopView } from './shop-view.ts';
import { parseShopSettings } from './settings.ts';

const secrets = ['shpat_token_1', 'client_secret_2', 'webhook_secret_3'];
const settings = parseShopSettings({
  code: 'EU',
  shopifyDomain: 'eu-shop.myshopify.com',
  credentials: { accessToken: secrets[0], clientId: 'client-id', clientSecret: secrets[1] },
  webhookSecret: secrets[2],
});

function logged(write: (logger: ReturnType<typeof createLogger>) => void): string {
  let output = '';
  const destination = new Writable({
    write(chunk, _encoding, done) {
      output += String(chunk);
      done();
    },
  });
  write(createLogger('info', destination));
  return output;
}

function expectNoSecret(text: string): void {
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('shop secrets in logs and output', () => {
  it('the logger redacts the secrets of a shop logged as the log object', () => {
    const text = logged((logger) => logger.info(settings, 'shop loaded'));
    expect(text).toContain('client-id');
    expectNoSecret(text);
  });

  it('a connection logged at any depth shows its secrets as [redacted]', () => {
    const { publicSettings, secrets: plain } = splitSecrets(settings);
    const connection = {
      settings: publicSettings,
      secrets: {
        accessToken: new Secret(plain.accessToken ?? ''),
        webhookSecret: new Secret(plain.webhookSecret ?? ''),
      },
    };
    const text = logged((logger) => logger.info({ job: { shop: connection } }, 'syncing'));
    expect(text).toContain('[redacted]');
    expectNoSecret(text);
    expectNoSecret(inspect(connection, { depth: 10 }));
    expectNoSecret(`${connection.secrets.accessToken}`);
  });

  it('the shown shop says only whether each secret is set', () => {
    const view = shopView(settings);
    expect(view.credentials).toEqual({ accessToken: '(set)', clientId: 'client-id', clientSecret: '(set)' });
    expect(view.webhookSecret).toBe('(set)');
    expectNoSecret(JSON.stringify(view));
    expectNoSecret(logged((logger) => logger.info({ shop: view })));
  });

  it('the stored settings hold no secret', () => {
    expectNoSecret(JSON.stringify(splitSecrets(settings).publicSettings));
  });
});
