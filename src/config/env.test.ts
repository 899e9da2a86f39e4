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
  ])('names the variable that is wrong: $env', ({ env, message }) => {
    expect(() => readRuntimeConfig(env)).toThrow(message);
  });
});
