import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/storebridge.js', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `storebridge master …` as a person runs it: a fresh process on the embedded store in a temp
 * data folder (DATABASE_URL removed so the server, if any, is not touched).
 */
describe('storebridge master (CLI, embedded store)', () => {
  let dataDir: string;
  let run: (...args: string[]) => Promise<Run>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'storebridge-master-'));
    const { DATABASE_URL: _ignored, ...env } = process.env;
    run = (...args) =>
      new Promise((resolve) => {
        execFile(
          process.execPath,
          [bin, ...args],
          { env: { ...env, STOREBRIDGE_DATA_DIR: join(dataDir, 'data'), LOG_LEVEL: 'silent' }, cwd: dataDir },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      });
    await writeFile(
      join(dataDir, 'items.csv'),
      'no,sku,description,type,unitPrice,currency\n1000,SB-TEE,Tee,inventory,25.00,USD\n1001,SB-MUG,Mug,inventory,12.50,USD\n',
    );
    await writeFile(
      join(dataDir, 'bad-items.csv'),
      'no,sku,description,type,unitPrice,currency\n2000,SB-CAP,Cap,inventory,19.90,USD\n2001,SB-BAG,Bag,inventory,"12,50",USD\n',
    );
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('imports a good file and prints the counts', async () => {
    const result = await run('master', 'import', 'items', join(dataDir, 'items.csv'));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('items from items.csv: 2 created, 0 updated, 0 unchanged\n');
  });

  it('refuses a file with a bad row in one line naming row and column, and stores none of it', async () => {
    const result = await run('master', 'import', 'items', join(dataDir, 'bad-items.csv'));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toBe('error: bad-items.csv row 3, unitPrice: "12,50" is not a decimal amount\n');
    const listed = await run('master', 'list', 'items', '--json');
    expect(JSON.parse(listed.stdout).map((item: { no: string }) => item.no)).toEqual(['1000', '1001']);
  });

  it('re-importing the same file changes nothing', async () => {
    const result = await run('master', 'import', 'items', join(dataDir, 'items.csv'));
    expect(result).toMatchObject({
      code: 0,
      stdout: 'items from items.csv: 0 created, 0 updated, 2 unchanged\n',
    });
    const listed = await run('master', 'list', 'items');
    expect(listed.stdout).toBe(
      '1000\tSB-TEE\tinventory\t25.00 USD\tTee\n1001\tSB-MUG\tinventory\t12.50 USD\tMug\n',
    );
  });

  it('refuses an unknown kind', async () => {
    const result = await run('master', 'import', 'products', join(dataDir, 'items.csv'));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('use one of items, locations, customers, gl-accounts');
  });
});
