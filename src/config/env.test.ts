import { describe, expect, it } from 'vitest';
import { readRuntimeConfig } from './env.ts';

describe('runtime configuration', () => {
  it('defaults to the embedded store in ./data on port 3000', () => {
    const config = readRuntimeConfig({});
    expect(config).toMatchObject({ STOREBRIDGE_DATA_DIR: './data', PORT: 3000, HOST: '127.0.0.1' });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('treats a variable set to the empty string as unset', () => {
    expect(readRuntimeConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ PORT: 3000 });
  });

  it.each([
    { env: { PORT: 'eighty' }, message: /Environment variable PORT/ },
    { env: { DATABASE_URL: 'mysql://x' }, message: /DATABASE_URL: must start with postgres:\/\// },
    { env: { LOG_LEVEL: 'loud' }, message: /LOG_LEVEL/ },
    { env: { STOREBRIDGE_SMTP_URL: 'http://mail' }, message: /STOREBRIDGE_SMTP_URL: must be an smtp/ },
    {
      env: { STOREBRIDGE_SMTP_URL: 'smtp://mail.example.com' },
      message: /STOREBRIDGE_MAIL_FROM: is required when STOREBRIDGE_SMTP_URL is set/,
    },
    { env: { STOREBRIDGE_MAIL_FROM: 'books' }, message: /STOREBRIDGE_MAIL_FROM: must be an email address/ },
    {
      env: { STOREBRIDGE_PUBLIC_URL: 'books.example.com' },
      message: /STOREBRIDGE_PUBLIC_URL: must be an http/,
    },
    { env: { STOREBRIDGE_PUBLIC_URL: 'ftp://books.example.com' }, message: /STOREBRIDGE_PUBLIC_URL/ },
  ])('names the variable that is wrong: $env', ({ env, message }) => {
    expect(() => readRuntimeConfig(env)).toThrow(message);
  });

  it('reads the SMTP server and the From of failure emails', () => {
    const config = readRuntimeConfig({
      STOREBRIDGE_SMTP_URL: 'smtp://user:pass@mail.example.com:587',
      STOREBRIDGE_MAIL_FROM: 'Storebridge <books@example.com>',
    });
    expect(config).toMatchObject({
      STOREBRIDGE_SMTP_URL: 'smtp://user:pass@mail.example.com:587',
      STOREBRIDGE_MAIL_FROM: 'Storebridge <books@example.com>',
    });
    expect(readRuntimeConfig({ STOREBRIDGE_SMTP_URL: '' }).STOREBRIDGE_SMTP_URL).toBeUndefined();
  });

  it('reads the public URL webhook subscriptions point at (unset by default)', () => {
    expect(readRuntimeConfig({}).STOREBRIDGE_PUBLIC_URL).toBeUndefined();
    expect(readRuntimeConfig({ STOREBRIDGE_PUBLIC_URL: 'https://books.example.com' })).toMatchObject({
      STOREBRIDGE_PUBLIC_URL: 'https://books.example.com',
    });
  });

  it('never puts the SMTP password in its error', () => {
    expect(() => readRuntimeConfig({ STOREBRIDGE_SMTP_URL: 'ftp://user:hunter2@mail' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});
