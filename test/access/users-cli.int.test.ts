import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { embeddedCli, runCli } from '../support/cli.ts';

/**
 * `storebridge users`, `api-keys` and `audit` as the owner of a new machine runs them: each
 * command its own process on a fresh embedded store, no key needed (bootstrap, docs/access.md).
 */
const { cli, env, dataDir } = embeddedCli();

describe('storebridge users, api-keys and audit (CLI)', { timeout: 300_000 }, () => {
  it('bootstraps the first admin, gives a key once, lists, revokes, and audits it all', async () => {
    const added = await cli('users', 'add', '--name', 'ann', '--role', 'admin');
    expect([added.code, added.stderr]).toEqual([0, '']);
    expect(added.stdout).toContain('Added ann (role admin)');

    const refused = await cli('users', 'add', '--name', 'bob', '--role', 'boss');
    expect([refused.code, refused.stderr]).toEqual([
      1,
      'error: role: "boss" is not a role; roles are admin, agent, read_only\n',
    ]);
    const unknown = await cli('users', 'set-role', '--name', 'zed', '--role', 'agent');
    expect([unknown.code, unknown.stderr]).toEqual([
      1,
      'error: name: there is no user "zed" (storebridge users list)\n',
    ]);

    const created = await cli('api-keys', 'create', '--user', 'ann', '--label', 'laptop', '--json');
    expect(created.code).toBe(0);
    const key = JSON.parse(created.stdout) as { key: string; prefix: string; user: string; label: string };
    expect(key).toMatchObject({ user: 'ann', label: 'laptop', key: expect.stringMatching(/^sbk_/) });

    const text = await cli('api-keys', 'create', '--user', 'ann');
    expect(text.stdout).toMatch(/^sbk_\S{43}\n/);
    expect(text.stdout).toContain('will not be shown again');

    const keys = await cli('api-keys', 'list', '--user', 'ann', '--json');
    const listed = JSON.parse(keys.stdout) as { prefix: string; revokedAt: string | null }[];
    expect(listed.map((k) => k.prefix)).toContain(key.prefix);
    expect(keys.stdout).not.toContain(key.key);

    const revoked = await cli('api-keys', 'revoke', '--prefix', key.prefix);
    expect(revoked.stdout).toBe(`API key ${key.prefix} of ann is revoked\n`);

    const users = await cli('users', 'list');
    expect(users.stdout.split('\n')[1]).toMatch(/^ann\s+admin\s+1\s+\d{4}-/);

    const audit = await cli('audit', '--action', 'users.manage', '--json');
    const { entries } = JSON.parse(audit.stdout) as {
      entries: { target: string; via: string; user: string }[];
    };
    expect(entries.map((e) => e.target)).toEqual([
      `api key ${key.prefix}`,
      expect.stringMatching(/^api key sbk_/),
      `api key ${key.prefix}`,
      'user ann',
    ]);
    expect(entries[0]).toMatchObject({ via: 'cli', user: expect.stringMatching(/^local:/) });
    const badSince = await cli('audit', '--since', 'yesterday');
    expect([badSince.code, badSince.stderr]).toEqual([
      1,
      'error: since: "yesterday" is not a date (e.g. 2026-12-01 or 2026-12-01T09:00:00Z)\n',
    ]);
  });

  it('sets a password for the web UI from stdin or a file, never from a flag', async () => {
    expect((await cli('users', 'add', '--name', 'pat', '--role', 'agent')).code).toBe(0);
    const fromStdin = await runCli(['users', 'set-password', 'pat'], env, 'a long passphrase\n');
    expect([fromStdin.code, fromStdin.stderr, fromStdin.stdout]).toEqual([
      0,
      '',
      'pat can now sign in to the web UI with that password\n',
    ]);
    const short = await runCli(['users', 'set-password', 'pat'], env, 'short\n');
    expect([short.code, short.stderr]).toEqual([1, 'error: password: must be at least 12 characters\n']);
    const file = join(dataDir, 'pat.password');
    writeFileSync(file, 'another long passphrase\n');
    expect((await cli('users', 'set-password', 'pat', '--password-file', file)).code).toBe(0);
    const audit = JSON.parse((await cli('audit', '--action', 'users.manage', '--json')).stdout) as {
      entries: { target: string; request: unknown }[];
    };
    expect(
      audit.entries.filter((entry) => entry.target === 'user pat').map((entry) => entry.request),
    ).toEqual([
      { setPassword: { name: 'pat' } },
      { setPassword: { name: 'pat' } },
      { add: { name: 'pat', role: 'agent' } },
    ]);
    expect(JSON.stringify(audit)).not.toContain('passphrase');
  });
});
